package io.callqa.qaconsole.scoring;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Evaluations over HTTP: the supervisor's draft, answers, submission and corrections; the agent's acknowledgement or
 * dispute; lists and random sampling.
 */
@RestController
class EvaluationController {

	private final Evaluations evaluations;

	EvaluationController(Evaluations evaluations) {
		this.evaluations = evaluations;
	}

	@PostMapping("/api/calls/{id}/evaluations")
	ResponseEntity<Evaluation> start(@PathVariable long id, Principal user) {
		Evaluation draft = this.evaluations.start(id, user.getName());
		return ResponseEntity.created(URI.create("/api/evaluations/" + draft.id())).body(draft);
	}

	@GetMapping("/api/calls/{id}/evaluations")
	List<Evaluation> forCall(@PathVariable long id) {
		return this.evaluations.forCall(id);
	}

	@GetMapping("/api/evaluations/{id}")
	EvaluationDetails find(@PathVariable long id) {
		Evaluation evaluation = this.evaluations.find(id);
		ScorecardVersion scorecard = this.evaluations.scorecardOf(evaluation);
		return new EvaluationDetails(evaluation, scorecard, scorecard.scorecard().score(evaluation.answers()));
	}

	@PutMapping("/api/evaluations/{id}/items")
	Evaluation answer(@PathVariable long id, @RequestBody Answers body) {
		return this.evaluations.answer(id, body.items(), body.comment());
	}

	@PostMapping("/api/evaluations/{id}/submit")
	Evaluation submit(@PathVariable long id, @RequestBody(required = false) @Nullable Comment body) {
		return this.evaluations.submit(id, (body != null) ? body.comment() : null);
	}

	@PostMapping("/api/evaluations/{id}/revisions")
	ResponseEntity<Evaluation> correct(@PathVariable long id, @RequestBody(required = false) @Nullable Comment body,
			Principal user) {
		Evaluation revision = this.evaluations.correct(id, user.getName(), (body != null) ? body.comment() : null);
		return ResponseEntity.created(URI.create("/api/evaluations/" + revision.id())).body(revision);
	}

	@PostMapping("/api/evaluations/{id}/acknowledge")
	Evaluation acknowledge(@PathVariable long id, @RequestBody(required = false) @Nullable Comment body) {
		return this.evaluations.acknowledge(id, (body != null) ? body.comment() : null);
	}

	@PostMapping("/api/evaluations/{id}/dispute")
	Evaluation dispute(@PathVariable long id, @RequestBody Comment body) {
		return this.evaluations.dispute(id, String.valueOf(body.comment()));
	}

	@PostMapping("/api/evaluations/{id}/resolve")
	Evaluation resolve(@PathVariable long id, @RequestBody Comment body) {
		return this.evaluations.resolve(id, String.valueOf(body.comment()));
	}

	@GetMapping("/api/evaluations")
	List<Evaluation> list(@RequestParam(required = false) @Nullable String agent,
			@RequestParam(required = false) @Nullable Instant from, @RequestParam(required = false) @Nullable Instant to,
			@RequestParam(required = false) @Nullable EvaluationState state) {
		return this.evaluations.list(new EvaluationQuery(agent, from, to, state));
	}

	@GetMapping("/api/sampling")
	List<CallRow> sample(@RequestParam String agent, @RequestParam Instant from, @RequestParam Instant to,
			@RequestParam(defaultValue = "5") int count) {
		return this.evaluations.sample(agent, from, to, count);
	}

	/** An evaluation with its scorecard and the score of its answers so far (a draft's live total). */
	record EvaluationDetails(Evaluation evaluation, ScorecardVersion scorecard, Score preview) {
	}

	record Answers(List<Answer> items, @Nullable String comment) {
	}

	record Comment(@Nullable String comment) {
	}

}
