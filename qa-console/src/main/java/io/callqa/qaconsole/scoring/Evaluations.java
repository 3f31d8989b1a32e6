package io.callqa.qaconsole.scoring;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

import io.callqa.telephony.CallNotFoundException;
import io.callqa.telephony.CallSummary;
import io.callqa.transcription.Transcriptions;

/**
 * Evaluating calls: a supervisor drafts and submits, corrects by new revisions; the agent acknowledges or disputes;
 * the supervisor resolves disputes. Callers check who may do what (roles, the agent's own evaluations). A change of
 * a call's current score (a submission, a correction) tells the search index in the same transaction.
 */
@Service
class Evaluations {

	/** The most calls one sampling request returns. */
	public static final int MAX_SAMPLE = 100;

	private final EvaluationRepository evaluations;

	private final CallRows calls;

	private final Standards standards;

	private final Transcriptions index;

	Evaluations(EvaluationRepository evaluations, CallRows calls, Standards standards, Transcriptions index) {
		this.evaluations = evaluations;
		this.calls = calls;
		this.standards = standards;
		this.index = index;
	}

	/**
	 * Starts a draft for the call with the scorecard its queue uses now; the evaluator's open draft for the call
	 * when there is one.
	 */
	@Transactional
	public Evaluation start(long callId, String evaluator) {
		Assert.hasText(evaluator, "'evaluator' must not be empty");
		CallSummary call = this.calls.find(callId).orElseThrow(() -> new CallNotFoundException(callId));
		long id = this.evaluations.draftOf(callId, evaluator)
			.orElseGet(() -> this.evaluations.insert(call, this.standards.forCall(callId).id(), evaluator, 1, null));
		return find(id);
	}

	@Transactional(readOnly = true)
	public Evaluation find(long id) {
		return this.evaluations.find(id).orElseThrow(() -> new EvaluationNotFoundException(id));
	}

	/** The scorecard version the evaluation is scored with. */
	@Transactional(readOnly = true)
	public ScorecardVersion scorecardOf(Evaluation evaluation) {
		return this.standards.version(evaluation.scorecardVersionId());
	}

	/** Saves answers (and the overall comment when given) into a draft; all are checked before any is saved. */
	@Transactional
	public Evaluation answer(long id, List<Answer> answers, @Nullable String comment) {
		Evaluation evaluation = locked(id);
		evaluation.checkEditable();
		Scorecard scorecard = scorecardOf(evaluation).scorecard();
		answers.forEach(scorecard::check);
		answers.forEach((answer) -> this.evaluations.saveAnswer(id, answer));
		if (comment != null) {
			this.evaluations.comment(id, comment);
		}
		return find(id);
	}

	/** Scores a complete draft and submits it to the agent; from then on it never changes. */
	@Transactional
	public Evaluation submit(long id, @Nullable String comment) {
		Evaluation evaluation = locked(id);
		evaluation.checkEditable();
		Score score = scorecardOf(evaluation).scorecard().scoreSubmission(evaluation.answers());
		if (comment != null) {
			this.evaluations.comment(id, comment);
		}
		this.evaluations.submit(id, score);
		this.index.callChanged(evaluation.callId());
		return find(id);
	}

	/**
	 * Corrects a submitted evaluation: a new draft revision with the same scorecard version and a copy of the
	 * answers; the old one becomes SUPERSEDED (the reason, when given, is kept as its resolution comment).
	 */
	@Transactional
	public Evaluation correct(long id, String evaluator, @Nullable String reason) {
		Evaluation old = locked(id);
		old.checkCorrectable();
		CallSummary call = this.calls.find(old.callId()).orElseThrow(() -> new CallNotFoundException(old.callId()));
		long revision = this.evaluations.insert(call, old.scorecardVersionId(), evaluator, old.revision() + 1, id);
		this.evaluations.copyAnswers(id, revision);
		this.evaluations.close(id, EvaluationState.SUPERSEDED, reason);
		this.index.callChanged(old.callId());
		return find(revision);
	}

	@Transactional
	public Evaluation acknowledge(long id, @Nullable String comment) {
		return respond(id, EvaluationState.ACKNOWLEDGED, comment);
	}

	/** The agent disputes the evaluation; it goes back to the supervisors to resolve. */
	@Transactional
	public Evaluation dispute(long id, String comment) {
		Assert.hasText(comment, "A dispute needs a comment saying what is wrong");
		return respond(id, EvaluationState.DISPUTED, comment);
	}

	/** Closes a dispute without changing the score (to change it, {@link #correct} it). */
	@Transactional
	public Evaluation resolve(long id, String comment) {
		Assert.hasText(comment, "A resolution needs a comment for the agent");
		locked(id).checkDisputed();
		this.evaluations.close(id, EvaluationState.RESOLVED, comment);
		return find(id);
	}

	/** Every revision of the call's evaluations, superseded ones included. */
	@Transactional(readOnly = true)
	public List<Evaluation> forCall(long callId) {
		return this.evaluations.forCall(callId);
	}

	@Transactional(readOnly = true)
	public List<Evaluation> list(EvaluationQuery query) {
		return this.evaluations.list(query);
	}

	@Transactional(readOnly = true)
	public List<Evaluation> forAgent(String agent, @Nullable Instant from, @Nullable Instant to) {
		return list(new EvaluationQuery(agent, from, to, null));
	}

	@Transactional(readOnly = true)
	public List<Evaluation> toAcknowledge(String agent) {
		return list(EvaluationQuery.of(agent, EvaluationState.SUBMITTED));
	}

	@Transactional(readOnly = true)
	public List<Evaluation> disputed() {
		return list(EvaluationQuery.of(null, EvaluationState.DISPUTED));
	}

	/** Up to {@code count} recorded calls of the agent in [from, to) that nobody has evaluated, picked at random. */
	@Transactional(readOnly = true)
	public List<SampledCall> sample(String agent, Instant from, Instant to, int count) {
		Assert.hasText(agent, "'agent' must not be empty");
		Assert.isTrue(from.isBefore(to), "'from' must be before 'to'");
		Assert.isTrue(count >= 1 && count <= MAX_SAMPLE, "'count' must be between 1 and " + MAX_SAMPLE);
		return this.calls.unevaluated(agent, from, to, count);
	}

	private Evaluation respond(long id, EvaluationState state, @Nullable String comment) {
		locked(id).checkAwaitingAgent();
		this.evaluations.respond(id, state, comment);
		return find(id);
	}

	private Evaluation locked(long id) {
		return this.evaluations.lock(id).orElseThrow(() -> new EvaluationNotFoundException(id));
	}

}
