package io.callqa.qaconsole.scoring;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
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

import io.callqa.qaconsole.calls.CallAccess;
import io.callqa.qaconsole.calls.CallAccessDeniedException;
import io.callqa.qaconsole.users.CallQaUser;
import io.callqa.qaconsole.users.Role;
import io.callqa.telephony.AlertKind;
import io.callqa.telephony.SupervisorAlerts;

/**
 * Evaluations over HTTP: the supervisor's draft, answers, submission and corrections; the agent's acknowledgement or
 * dispute; lists and random sampling.
 */
@RestController
class EvaluationController {

	private final Evaluations evaluations;

	private final CallAccess calls;

	private final SupervisorAlerts alerts;

	EvaluationController(Evaluations evaluations, CallAccess calls, SupervisorAlerts alerts) {
		this.evaluations = evaluations;
		this.calls = calls;
		this.alerts = alerts;
	}

	@PostMapping("/api/calls/{id}/evaluations")
	ResponseEntity<Evaluation> start(@PathVariable long id, Principal user) {
		Evaluation draft = this.evaluations.start(id, user.getName());
		return ResponseEntity.created(URI.create("/api/evaluations/" + draft.id())).body(draft);
	}

	/** Agents see the evaluations of their own calls, and not drafts. */
	@GetMapping("/api/calls/{id}/evaluations")
	List<Evaluation> forCall(@PathVariable long id, @AuthenticationPrincipal CallQaUser user) {
		this.calls.readable(id, user);
		return this.evaluations.forCall(id).stream().filter((evaluation) -> visible(evaluation, user)).toList();
	}

	@GetMapping("/api/evaluations/{id}")
	EvaluationDetails find(@PathVariable long id, @AuthenticationPrincipal CallQaUser user) {
		Evaluation evaluation = readable(id, user);
		ScorecardVersion scorecard = this.evaluations.scorecardOf(evaluation);
		return new EvaluationDetails(evaluation, scorecard, scorecard.scorecard().score(evaluation.answers()));
	}

	@PutMapping("/api/evaluations/{id}/items")
	Evaluation answer(@PathVariable long id, @Valid @RequestBody Answers body, @AuthenticationPrincipal CallQaUser user) {
		ownDraft(id, user);
		return this.evaluations.answer(id, body.items(), body.comment());
	}

	/** A failed critical item alerts the supervisors (their alert list), whoever submitted it. */
	@PostMapping("/api/evaluations/{id}/submit")
	Evaluation submit(@PathVariable long id, @Valid @RequestBody(required = false) @Nullable Comment body,
			@AuthenticationPrincipal CallQaUser user) {
		ownDraft(id, user);
		Evaluation submitted = this.evaluations.submit(id, (body != null) ? body.comment() : null);
		if (submitted.criticalFailed()) {
			this.alerts.raise(AlertKind.FAILED_CRITICAL, submitted.callId(), submitted.agent(), null,
					"Evaluation " + submitted.id() + " failed a critical item (score 0)");
		}
		return submitted;
	}

	@PostMapping("/api/evaluations/{id}/revisions")
	ResponseEntity<Evaluation> correct(@PathVariable long id, @Valid @RequestBody(required = false) @Nullable Comment body,
			Principal user) {
		Evaluation revision = this.evaluations.correct(id, user.getName(), (body != null) ? body.comment() : null);
		return ResponseEntity.created(URI.create("/api/evaluations/" + revision.id())).body(revision);
	}

	@PostMapping("/api/evaluations/{id}/acknowledge")
	Evaluation acknowledge(@PathVariable long id, @Valid @RequestBody(required = false) @Nullable Comment body,
			@AuthenticationPrincipal CallQaUser user) {
		readable(id, user);
		return this.evaluations.acknowledge(id, (body != null) ? body.comment() : null);
	}

	@PostMapping("/api/evaluations/{id}/dispute")
	Evaluation dispute(@PathVariable long id, @Valid @RequestBody Comment body, @AuthenticationPrincipal CallQaUser user) {
		readable(id, user);
		return this.evaluations.dispute(id, String.valueOf(body.comment()));
	}

	@PostMapping("/api/evaluations/{id}/resolve")
	Evaluation resolve(@PathVariable long id, @Valid @RequestBody Comment body) {
		return this.evaluations.resolve(id, String.valueOf(body.comment()));
	}

	@GetMapping("/api/evaluations")
	List<Evaluation> list(@RequestParam(required = false) @Nullable String agent,
			@RequestParam(required = false) @Nullable Instant from, @RequestParam(required = false) @Nullable Instant to,
			@RequestParam(required = false) @Nullable EvaluationState state,
			@AuthenticationPrincipal CallQaUser user) {
		String scoped = (user.agentScope() != null) ? user.agentScope() : agent;
		return this.evaluations.list(new EvaluationQuery(scoped, from, to, state))
			.stream()
			.filter((evaluation) -> visible(evaluation, user))
			.toList();
	}

	@GetMapping("/api/sampling")
	List<SampledCall> sample(@RequestParam String agent, @RequestParam Instant from, @RequestParam Instant to,
			@RequestParam(defaultValue = "5") int count) {
		return this.evaluations.sample(agent, from, to, count);
	}

	private Evaluation readable(long id, CallQaUser user) {
		Evaluation evaluation = this.evaluations.find(id);
		if (!visible(evaluation, user)) {
			throw new CallAccessDeniedException(evaluation.callId());
		}
		return evaluation;
	}

	private static boolean visible(Evaluation evaluation, CallQaUser user) {
		String scope = user.agentScope();
		return scope == null || (scope.equals(evaluation.agent()) && evaluation.state() != EvaluationState.DRAFT);
	}

	/** A draft is its evaluator's own until submitted (an admin may step in). */
	private void ownDraft(long id, CallQaUser user) {
		Evaluation evaluation = this.evaluations.find(id);
		if (user.role() != Role.ADMIN && !user.getUsername().equals(evaluation.evaluator())) {
			throw new NotYourDraftException(id, evaluation.evaluator());
		}
	}

	/** An evaluation with its scorecard and the score of its answers so far (a draft's live total). */
	record EvaluationDetails(Evaluation evaluation, ScorecardVersion scorecard, Score preview) {
	}

	record Answers(@Valid List<Answer> items, @Size(max = Answer.MAX_COMMENT) @Nullable String comment) {
	}

	record Comment(@Size(max = Answer.MAX_COMMENT) @Nullable String comment) {
	}

}
