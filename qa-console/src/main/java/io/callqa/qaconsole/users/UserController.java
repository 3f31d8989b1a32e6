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

	UserController(Users users) {
		this.users = users;
	}

	@GetMapping("/api/me")
	Me me(@AuthenticationPrincipal CallQaUser user) {
		return new Me(user.getUsername(), user.role(), user.agentScope());
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
		return this.users.update(id, change.role(), change.agentName(), change.displayName(), change.enabled());
	}

	@PutMapping("/api/users/{id}/password")
	ResponseEntity<Void> password(@PathVariable long id, @RequestBody Password password) {
		this.users.changePassword(id, password.password());
		return ResponseEntity.noContent().build();
	}

	record Me(String username, Role role, @Nullable String agent) {
	}

	record Change(Role role, @Nullable String agentName, @Nullable String displayName, boolean enabled) {
	}

	record Password(String password) {
	}

}
