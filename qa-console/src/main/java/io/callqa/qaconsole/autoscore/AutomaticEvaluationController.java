package io.callqa.qaconsole.autoscore;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.callqa.qaconsole.calls.CallAccess;
import io.callqa.qaconsole.rules.RuleOutcome;
import io.callqa.qaconsole.users.CallQaUser;
import io.callqa.qaconsole.users.Role;

/**
 * Automatic evaluations over HTTP: a call's current one with its reviews (agents: their own calls only), a
 * supervisor's review of an item, and re-evaluations of a period.
 */
@RestController
class AutomaticEvaluationController {

	private final AutomaticEvaluations evaluations;

	private final Reevaluations reevaluations;

	private final CallAccess calls;

	AutomaticEvaluationController(AutomaticEvaluations evaluations, Reevaluations reevaluations, CallAccess calls) {
		this.evaluations = evaluations;
		this.reevaluations = reevaluations;
		this.calls = calls;
	}

	@GetMapping("/api/calls/{id}/automatic-evaluation")
	AutomaticEvaluationView ofCall(@PathVariable long id, @AuthenticationPrincipal CallQaUser user) {
		this.calls.readable(id, user);
		return this.evaluations.ofCall(id).orElseThrow(() -> new AutomaticEvaluationNotFoundException(id));
	}

	@PostMapping("/api/calls/{id}/automatic-evaluation/reviews")
	ResponseEntity<AutomaticEvaluationView> review(@PathVariable long id, @Valid @RequestBody ReviewRequest body,
			@AuthenticationPrincipal CallQaUser user) {
		requireReviewer(user);
		this.calls.readable(id, user);
		AutomaticEvaluationView view = this.evaluations.review(id, body.evaluationId(), body.itemKey(), body.action(),
				body.outcome(), body.points(), body.comment(), user.getUsername());
		return ResponseEntity.created(URI.create("/api/calls/" + id + "/automatic-evaluation")).body(view);
	}

	@PostMapping("/api/automatic-evaluations/reevaluations")
	ResponseEntity<Reevaluation> reevaluate(@Valid @RequestBody Period body, @AuthenticationPrincipal CallQaUser user) {
		requireReviewer(user);
		Reevaluation started = this.reevaluations.start(body.from(), body.to(), user.getUsername());
		return ResponseEntity.accepted()
			.location(URI.create("/api/automatic-evaluations/reevaluations/" + started.id()))
			.body(started);
	}

	@GetMapping("/api/automatic-evaluations/reevaluations")
	List<Reevaluation> reevaluations(@AuthenticationPrincipal CallQaUser user) {
		requireStaff(user);
		return this.reevaluations.latest();
	}

	@GetMapping("/api/automatic-evaluations/reevaluations/{id}")
	Reevaluation reevaluation(@PathVariable long id, @AuthenticationPrincipal CallQaUser user) {
		requireStaff(user);
		return this.reevaluations.find(id).orElseThrow(() -> new ReevaluationNotFoundException(id));
	}

	/**
	 * Per agent, the average automatic score and the number of calls with one, of the current evaluations made in
	 * [from, to) (default: the last 30 days); an agent gets only their own line.
	 */
	@GetMapping("/api/automatic-evaluations/agents")
	List<AgentAverage> agents(@RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to, @AuthenticationPrincipal CallQaUser user) {
		Instant end = (to != null) ? to : Instant.now();
		Instant start = (from != null) ? from : end.minus(java.time.Duration.ofDays(30));
		String scope = user.agentScope();
		if (user.role() == Role.AGENT && scope == null) {
			return List.of();
		}
		return this.evaluations.agentAverages(start, end)
			.stream()
			.filter((average) -> scope == null || scope.equals(average.agent()))
			.toList();
	}

	/** Supervisors and admins review and start re-evaluations (the standards are theirs). */
	private static void requireReviewer(CallQaUser user) {
		if (user.role() != Role.SUPERVISOR && user.role() != Role.ADMIN) {
			throw new NotAllowedException("Only supervisors and admins review automatic evaluations");
		}
	}

	private static void requireStaff(CallQaUser user) {
		if (user.role() == Role.AGENT) {
			throw new NotAllowedException("Re-evaluations are for supervisors, managers and admins");
		}
	}

	/**
	 * @param evaluationId the evaluation reviewed, as the page showed it (optional): a conflict when no longer current
	 * @param outcome PASS, FAIL or NA; required to override, and if given to confirm must be the automatic one
	 * @param points an override's points (0 to the item's maximum); by default all for PASS, none for FAIL
	 * @param comment why; required to override
	 */
	record ReviewRequest(@Nullable Long evaluationId, @NotNull @Size(max = 200) String itemKey,
			@NotNull Review.Action action, @Nullable RuleOutcome outcome, @Nullable Double points,
			@Size(max = AutomaticEvaluations.MAX_COMMENT) @Nullable String comment) {
	}

	record Period(@NotNull Instant from, @NotNull Instant to) {
	}

}
