package io.callqa.qaconsole.retention;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.callqa.qaconsole.users.CallQaUser;
import io.callqa.qaconsole.users.Role;

/**
 * The legal holds API. Supervisors and admins place holds and list them: a supervisor handling a complaint or a
 * dispute must be able to stop a call from being deleted at once, and a hold only keeps data. Only admins release
 * one, since releasing lets retention or erasure delete. Managers, agents and wallboards get none of it ({@code 403}):
 * a hold's reason names a legal matter.
 */
@RestController
class HoldController {

	private final HoldRegister holds;

	HoldController(HoldRegister holds) {
		this.holds = holds;
	}

	@GetMapping("/api/legal-holds")
	List<Hold> list(@RequestParam(defaultValue = "false") boolean released,
			@RequestParam(required = false) @Nullable Long callId,
			@RequestParam(required = false) @Nullable String number, @AuthenticationPrincipal CallQaUser user) {
		requireSupervisorOrAdmin(user);
		return this.holds.list(released, callId, number);
	}

	@GetMapping("/api/legal-holds/{id}")
	Hold find(@PathVariable long id, @AuthenticationPrincipal CallQaUser user) {
		requireSupervisorOrAdmin(user);
		return this.holds.find(id);
	}

	@PostMapping("/api/legal-holds")
	ResponseEntity<Hold> place(@RequestBody NewHold body, @AuthenticationPrincipal CallQaUser user) {
		requireSupervisorOrAdmin(user);
		if ((body.callId() == null) == (body.number() == null)) {
			throw new IllegalArgumentException("A hold is on a 'callId' or on a 'number', exactly one of them");
		}
		Hold hold = (body.callId() != null) ? this.holds.placeOnCall(body.callId(), body.reason(), user.getUsername())
				: this.holds.placeOnNumber(body.number(), body.reason(), user.getUsername());
		return ResponseEntity.created(URI.create("/api/legal-holds/" + hold.id())).body(hold);
	}

	@PostMapping("/api/legal-holds/{id}/release")
	Hold release(@PathVariable long id, @RequestBody(required = false) @Nullable Release body,
			@AuthenticationPrincipal CallQaUser user) {
		if (user.role() != Role.ADMIN) {
			throw new AccessDeniedException("Only admins release legal holds");
		}
		return this.holds.release(id, (body != null) ? body.note() : null, user.getUsername());
	}

	static void requireSupervisorOrAdmin(CallQaUser user) {
		if (user.role() != Role.SUPERVISOR && user.role() != Role.ADMIN) {
			throw new AccessDeniedException("Legal holds are for supervisors and admins");
		}
	}

	record NewHold(@Nullable Long callId, @Nullable String number, @Nullable String reason) {
	}

	record Release(@Nullable String note) {
	}

}
