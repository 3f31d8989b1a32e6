package io.callqa.qaconsole.calibration;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.callqa.qaconsole.users.CallQaUser;
import io.callqa.qaconsole.users.Role;

/**
 * Calibration over HTTP. Automatic vs human: supervisors, managers and admins read it. Sessions: supervisors and admins
 * only, and each sees only the sessions they take part in (others get 404).
 */
@RestController
class CalibrationController {

	private final AutomaticCalibration automatic;

	private final CalibrationSessions sessions;

	CalibrationController(AutomaticCalibration automatic, CalibrationSessions sessions) {
		this.automatic = automatic;
		this.sessions = sessions;
	}

	/** Per version of the standard (default: the default standard), calls started in [from, to). */
	@GetMapping("/api/calibration/automatic")
	AutomaticAgreement automatic(@RequestParam(required = false) @Nullable Long standardId,
			@RequestParam(required = false) @Nullable Instant from, @RequestParam(required = false) @Nullable Instant to,
			@AuthenticationPrincipal CallQaUser user) {
		if (user.role() == Role.AGENT) {
			throw new CalibrationRefusedException("Calibration figures are for supervisors, managers and admins");
		}
		return this.automatic.agreement(standardId, from, to);
	}

	@PostMapping("/api/calibration/sessions")
	ResponseEntity<CalibrationSession> create(@RequestBody NewSession body, @AuthenticationPrincipal CallQaUser user) {
		requireSupervisor(user);
		CalibrationSession session = this.sessions.create(user.getUsername(), body.title(), body.standardId(),
				(body.callIds() != null) ? body.callIds() : List.of(),
				(body.participants() != null) ? body.participants() : List.of());
		return ResponseEntity.created(URI.create("/api/calibration/sessions/" + session.id())).body(session);
	}

	@GetMapping("/api/calibration/sessions")
	List<CalibrationSession.Summary> list(@AuthenticationPrincipal CallQaUser user) {
		requireSupervisor(user);
		return this.sessions.list(user.getUsername());
	}

	@GetMapping("/api/calibration/sessions/{id}")
	CalibrationSession find(@PathVariable long id, @AuthenticationPrincipal CallQaUser user) {
		requireSupervisor(user);
		return this.sessions.find(id, user.getUsername());
	}

	/** The participant's answers to one call (saved as a draft until submitted). */
	@PutMapping("/api/calibration/sessions/{id}/calls/{callId}/answers")
	CalibrationSession answer(@PathVariable long id, @PathVariable long callId, @RequestBody Answers body,
			@AuthenticationPrincipal CallQaUser user) {
		requireSupervisor(user);
		List<ItemAnswer> items = (body.items() != null) ? body.items() : List.of();
		return this.sessions.answer(id, user.getUsername(), callId,
				items.stream().map((item) -> item.of(callId)).toList());
	}

	@PostMapping("/api/calibration/sessions/{id}/submit")
	CalibrationSession submit(@PathVariable long id, @AuthenticationPrincipal CallQaUser user) {
		requireSupervisor(user);
		return this.sessions.submit(id, user.getUsername());
	}

	@PostMapping("/api/calibration/sessions/{id}/close")
	CalibrationSession close(@PathVariable long id, @AuthenticationPrincipal CallQaUser user) {
		requireSupervisor(user);
		return this.sessions.close(id, user.getUsername());
	}

	@GetMapping("/api/calibration/sessions/{id}/spread")
	CalibrationSpread spread(@PathVariable long id, @AuthenticationPrincipal CallQaUser user) {
		requireSupervisor(user);
		return this.sessions.spread(id, user.getUsername());
	}

	/** The owner's agreed answer to one item of one call ({"key":..., "value":... or "na":true, "comment":...}). */
	@PutMapping("/api/calibration/sessions/{id}/calls/{callId}/agreed")
	CalibrationSpread agree(@PathVariable long id, @PathVariable long callId,
			@RequestBody ItemAnswer body, @AuthenticationPrincipal CallQaUser user) {
		requireSupervisor(user);
		return this.sessions.agree(id, user.getUsername(), callId, body.of(callId));
	}

	private static void requireSupervisor(CallQaUser user) {
		if (user.role() != Role.SUPERVISOR && user.role() != Role.ADMIN) {
			throw new CalibrationRefusedException("Calibration sessions are for supervisors and admins");
		}
	}

	/**
	 * @param standardId the standard whose current version is used (default: the default standard)
	 * @param participants usernames of supervisors or admins; the owner (the caller) takes part anyway
	 */
	record NewSession(String title, @Nullable Long standardId, @Nullable List<Long> callIds,
			@Nullable List<String> participants) {
	}

	record Answers(@Nullable List<ItemAnswer> items) {
	}

	/** One item's answer: a value (1/0 for yes/no, points otherwise) or "na": true; a missing "na" is false. */
	record ItemAnswer(String key, @Nullable Double value, @Nullable Boolean na, @Nullable String comment) {

		CalibrationSession.SessionAnswer of(long callId) {
			return new CalibrationSession.SessionAnswer(callId, this.key, this.value, Boolean.TRUE.equals(this.na),
					this.comment);
		}

	}

}
