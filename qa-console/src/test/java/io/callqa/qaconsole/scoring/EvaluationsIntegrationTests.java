package io.callqa.qaconsole.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.scoring.Scorecard.Item;
import io.callqa.qaconsole.scoring.Scorecard.ItemType;
import io.callqa.qaconsole.scoring.Scorecard.Section;
import io.callqa.telephony.CallNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Evaluations} on the real database: the whole life of an evaluation, and sampling.
 */
@SpringBootTest(classes = CallQaApplication.class)
@ActiveProfiles("test")
class EvaluationsIntegrationTests {

	static final Instant monday = Instant.parse("2026-11-16T00:00:00Z");

	@Autowired
	Evaluations evaluations;

	@Autowired
	Standards standards;

	@Autowired
	JdbcClient jdbc;

	TestCalls calls;

	String agent;

	String queue;

	@BeforeEach
	void queueWithItsOwnStandard() {
		this.calls = new TestCalls(this.jdbc);
		this.agent = TestCalls.agent();
		this.queue = "q-" + UUID.randomUUID();
		Scorecard card = new Scorecard(70, List.of(new Section("Call", List.of(
				new Item("greeting", "Greets", 1, ItemType.YES_NO, null, false, false, null),
				new Item("listening", "Listens", 2, ItemType.POINTS, 4, true, false, null),
				new Item("rudeness", "Not rude", 1, ItemType.YES_NO, null, false, true, null)))));
		this.standards.assign(this.queue, this.standards.create("S " + this.queue, null, card, "sup").standard().id());
	}

	@Test
	void startShouldDraftWithTheCallsAgentAndScorecardAndReuseTheEvaluatorsDraft() {
		long call = this.calls.recorded(this.agent, this.queue, monday);
		Evaluation draft = this.evaluations.start(call, "sup");
		assertThat(draft.state()).isEqualTo(EvaluationState.DRAFT);
		assertThat(draft.agent()).isEqualTo(this.agent);
		assertThat(draft.revision()).isEqualTo(1);
		assertThat(draft.scorecardVersionId()).isEqualTo(this.standards.forCall(call).id());
		assertThat(this.evaluations.start(call, "sup").id()).isEqualTo(draft.id());
		assertThat(this.evaluations.start(call, "other-sup").id()).isNotEqualTo(draft.id());
		assertThatExceptionOfType(CallNotFoundException.class).isThrownBy(() -> this.evaluations.start(987654, "sup"));
	}

	@Test
	void submitShouldScoreKeepEvidenceAndRefuseAnyLaterChange() {
		Evaluation draft = this.evaluations.start(this.calls.recorded(this.agent, this.queue, monday), "sup");
		this.evaluations.answer(draft.id(), List.of(new Answer("greeting", 1.0, false, "warm", 3.5),
				Answer.of("listening", 1), Answer.of("rudeness", 1)), "Good start");
		// (1*1 + 2*1/4 + 1*1) / 4 = 62.5 % -> below 70
		Evaluation submitted = this.evaluations.submit(draft.id(), null);
		assertThat(submitted.state()).isEqualTo(EvaluationState.SUBMITTED);
		assertThat(submitted.score()).isEqualTo(62.5);
		assertThat(submitted.passed()).isFalse();
		assertThat(submitted.submittedAt()).isNotNull();
		assertThat(submitted.comment()).isEqualTo("Good start");
		assertThat(submitted.items()).contains(new Answer("greeting", 1.0, false, "warm", 3.5));
		assertThatExceptionOfType(EvaluationStateException.class)
			.isThrownBy(() -> this.evaluations.answer(draft.id(), List.of(Answer.of("greeting", 0)), null));
		assertThatExceptionOfType(EvaluationStateException.class)
			.isThrownBy(() -> this.evaluations.submit(draft.id(), null));
		assertThat(this.evaluations.find(draft.id()).items()).isEqualTo(submitted.items());
	}

	@Test
	void answerWhenOneAnswerIsInvalidShouldSaveNoneAndSubmitWhenIncompleteShouldRefuse() {
		Evaluation draft = this.evaluations.start(this.calls.recorded(this.agent, this.queue, monday), "sup");
		assertThatExceptionOfType(InvalidAnswerException.class).isThrownBy(() -> this.evaluations.answer(draft.id(),
				List.of(Answer.of("greeting", 1), Answer.notApplicable("rudeness")), null));
		assertThat(this.evaluations.find(draft.id()).items()).isEmpty();
		this.evaluations.answer(draft.id(), List.of(Answer.of("greeting", 1)), null);
		assertThatExceptionOfType(InvalidAnswerException.class)
			.isThrownBy(() -> this.evaluations.submit(draft.id(), null))
			.withMessage("Not answered yet: listening, rudeness");
	}

	@Test
	void criticalFailShouldZeroTheScore() {
		Evaluation draft = this.evaluations.start(this.calls.recorded(this.agent, this.queue, monday), "sup");
		this.evaluations.answer(draft.id(), List.of(Answer.of("greeting", 1), Answer.notApplicable("listening"),
				Answer.of("rudeness", 0)), null);
		Evaluation submitted = this.evaluations.submit(draft.id(), null);
		assertThat(submitted.score()).isZero();
		assertThat(submitted.passed()).isFalse();
		assertThat(submitted.criticalFailed()).isTrue();
	}

	@Test
	void correctShouldMakeANewRevisionWithTheAnswersAndKeepTheOldReadable() {
		Evaluation first = submitted(1);
		Evaluation revision = this.evaluations.correct(first.id(), "sup2", "Listening was better than scored");
		assertThat(revision.revision()).isEqualTo(2);
		assertThat(revision.supersedesId()).isEqualTo(first.id());
		assertThat(revision.state()).isEqualTo(EvaluationState.DRAFT);
		assertThat(revision.items()).isEqualTo(first.items());
		this.evaluations.answer(revision.id(), List.of(Answer.of("listening", 4)), null);
		assertThat(this.evaluations.submit(revision.id(), null).score()).isEqualTo(100.0);
		Evaluation old = this.evaluations.find(first.id());
		assertThat(old.state()).isEqualTo(EvaluationState.SUPERSEDED);
		assertThat(old.score()).isEqualTo(first.score());
		assertThat(old.resolutionComment()).isEqualTo("Listening was better than scored");
		assertThatExceptionOfType(EvaluationStateException.class)
			.isThrownBy(() -> this.evaluations.correct(first.id(), "sup", null));
		assertThat(this.evaluations.forCall(first.callId())).extracting(Evaluation::revision).containsExactly(1, 2);
	}

	@Test
	void acknowledgeShouldCloseItForTheAgent() {
		Evaluation evaluation = submitted(4);
		assertThat(this.evaluations.toAcknowledge(this.agent)).extracting(Evaluation::id).containsExactly(evaluation.id());
		Evaluation acknowledged = this.evaluations.acknowledge(evaluation.id(), "Thanks");
		assertThat(acknowledged.state()).isEqualTo(EvaluationState.ACKNOWLEDGED);
		assertThat(acknowledged.agentComment()).isEqualTo("Thanks");
		assertThat(acknowledged.respondedAt()).isNotNull();
		assertThat(this.evaluations.toAcknowledge(this.agent)).isEmpty();
		assertThatExceptionOfType(EvaluationStateException.class)
			.isThrownBy(() -> this.evaluations.dispute(evaluation.id(), "changed my mind"));
	}

	@Test
	void disputeShouldGoToSupervisorsWhoResolveIt() {
		Evaluation evaluation = submitted(2);
		Evaluation disputed = this.evaluations.dispute(evaluation.id(), "I did paraphrase at 0:40");
		assertThat(disputed.state()).isEqualTo(EvaluationState.DISPUTED);
		assertThat(this.evaluations.disputed()).extracting(Evaluation::id).contains(evaluation.id());
		Evaluation resolved = this.evaluations.resolve(evaluation.id(), "Listened again: the score stands");
		assertThat(resolved.state()).isEqualTo(EvaluationState.RESOLVED);
		assertThat(resolved.resolutionComment()).isEqualTo("Listened again: the score stands");
		assertThat(resolved.resolvedAt()).isNotNull();
		assertThat(resolved.score()).isEqualTo(evaluation.score());
		assertThat(this.evaluations.disputed()).extracting(Evaluation::id).doesNotContain(evaluation.id());
		assertThatExceptionOfType(EvaluationStateException.class)
			.isThrownBy(() -> this.evaluations.resolve(evaluation.id(), "again"));
	}

	@Test
	void disputeCanBeResolvedByACorrection() {
		Evaluation evaluation = submitted(2);
		this.evaluations.dispute(evaluation.id(), "I did paraphrase");
		Evaluation revision = this.evaluations.correct(evaluation.id(), "sup", "Agreed, corrected");
		assertThat(this.evaluations.find(evaluation.id()).state()).isEqualTo(EvaluationState.SUPERSEDED);
		assertThat(this.evaluations.disputed()).extracting(Evaluation::id).doesNotContain(evaluation.id());
		assertThat(revision.agent()).isEqualTo(this.agent);
	}

	@Test
	void disputeWithoutCommentOrOnADraftShouldBeRefused() {
		Evaluation draft = this.evaluations.start(this.calls.recorded(this.agent, this.queue, monday), "sup");
		assertThatExceptionOfType(EvaluationStateException.class)
			.isThrownBy(() -> this.evaluations.dispute(draft.id(), "why"));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.evaluations.dispute(submitted(3).id(), " "));
		assertThatExceptionOfType(EvaluationNotFoundException.class)
			.isThrownBy(() -> this.evaluations.acknowledge(987654, null));
	}

	@Test
	void forAgentShouldListTheRangeWithoutSupersededRevisions() {
		Evaluation old = submitted(1);
		Evaluation current = this.evaluations.correct(old.id(), "sup", null);
		Evaluation other = submitted(2);
		Instant now = Instant.now();
		assertThat(this.evaluations.forAgent(this.agent, now.minusSeconds(60), now.plusSeconds(60)))
			.extracting(Evaluation::id)
			.containsExactly(other.id(), current.id());
		assertThat(this.evaluations.forAgent(this.agent, now.plusSeconds(60), null)).isEmpty();
		assertThat(this.evaluations.list(EvaluationQuery.of(this.agent, EvaluationState.SUPERSEDED)))
			.extracting(Evaluation::id)
			.containsExactly(old.id());
	}

	@Test
	void sampleShouldPickUnevaluatedRecordedCallsOfTheAgentInTheWeek() {
		Instant sunday = monday.plus(Duration.ofDays(7));
		List<Long> fresh = List.of(this.calls.recorded(this.agent, this.queue, monday),
				this.calls.recorded(this.agent, null, monday.plusSeconds(3600)),
				this.calls.recorded(this.agent, this.queue, sunday.minusSeconds(1)));
		this.evaluations.start(this.calls.recorded(this.agent, this.queue, monday.plusSeconds(60)), "sup");
		this.calls.unrecorded(this.agent, this.queue, monday.plusSeconds(120));
		this.calls.recorded(this.agent, this.queue, sunday);
		this.calls.recorded(this.agent, this.queue, monday.minusSeconds(1));
		this.calls.recorded(TestCalls.agent(), this.queue, monday.plusSeconds(180));
		assertThat(this.evaluations.sample(this.agent, monday, sunday, 10)).extracting(SampledCall::id)
			.containsExactlyInAnyOrderElementsOf(fresh);
		assertThat(this.evaluations.sample(this.agent, monday, sunday, 2)).hasSize(2)
			.extracting(SampledCall::id)
			.isSubsetOf(fresh);
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.evaluations.sample(this.agent, monday, sunday, 0));
	}

	private Evaluation submitted(int listening) {
		Evaluation draft = this.evaluations.start(this.calls.recorded(this.agent, this.queue, monday), "sup");
		this.evaluations.answer(draft.id(),
				List.of(Answer.of("greeting", 1), Answer.of("listening", listening), Answer.of("rudeness", 1)), null);
		return this.evaluations.submit(draft.id(), null);
	}

}
