package io.callqa.qaconsole.users;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * User management (ADMIN, see the security configuration) and who am I (everyone).
 */
@RestController
class UserController {

	private final Users users;

	private final PauseReasons pauseReasons;

	UserController(Users users, PauseReasons pauseReasons) {
		this.users = users;
		this.pauseReasons = pauseReasons;
	}

	/** Also the user's phone and queues (as they are now) and the pause reasons to offer. */
	@GetMapping("/api/me")
	Me me(@AuthenticationPrincipal CallQaUser user) {
		FloorRights rights = this.users.floorRights(user);
		return new Me(user.getUsername(), user.role(), user.agentScope(), rights.phone(), rights.queues(),
				this.pauseReasons.list());
	}

	@GetMapping("/api/users")
	List<UserAccount> list() {
		return this.users.list();
	}

	@PostMapping("/api/users")
	ResponseEntity<UserAccount> create(@RequestBody Users.NewUser user) {
		UserAccount created = this.users.create(user);
		return ResponseEntity.created(URI.create("/api/users/" + created.id())).body(created);
	}

	@PutMapping("/api/users/{id}")
	UserAccount update(@PathVariable long id, @RequestBody Change change) {
		return this.users.update(id, change.role(), change.agentName(), change.displayName(), change.enabled(),
				change.phone(), change.queues());
	}

	@PutMapping("/api/users/{id}/password")
	ResponseEntity<Void> password(@PathVariable long id, @RequestBody Password password) {
		this.users.changePassword(id, password.password());
		return ResponseEntity.noContent().build();
	}

	record Me(String username, Role role, @Nullable String agent, @Nullable String phone, List<String> queues,
			List<String> pauseReasons) {
	}

	/** {@code phone} and {@code queues} left out (null) stay as they are. */
	record Change(Role role, @Nullable String agentName, @Nullable String displayName, boolean enabled,
			@Nullable String phone, @Nullable List<String> queues) {
	}

	record Password(String password) {
	}

}
