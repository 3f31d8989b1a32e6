package io.callqa.qaconsole.scoring;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.callqa.qaconsole.scoring.Scorecard.Item;
import io.callqa.qaconsole.scoring.Scorecard.ItemType;
import io.callqa.qaconsole.scoring.Scorecard.Section;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Scorecard}: the arithmetic is computed by hand in each test's comment.
 */
class ScorecardTests {

	// greeting (yes/no, weight 2), listening (0..4 points, weight 3), empathy (yes/no, weight 1, N/A allowed),
	// forbidden (yes/no, weight 1, critical); pass at 75 %.
	static final Scorecard card = new Scorecard(75,
			List.of(new Section("Opening", List.of(new Item("greeting", "Greets", 2, ItemType.YES_NO, null, false,
					false, null))),
					new Section("Middle", List.of(
							new Item("listening", "Listens", 3, ItemType.POINTS, 4, false, false, null),
							new Item("empathy", "Empathy", 1, ItemType.YES_NO, null, true, false, null),
							new Item("forbidden", "No rudeness", 1, ItemType.YES_NO, null, false, true, null)))));

	@Test
	void scoreWhenAllAnsweredShouldWeighPointsAndYesNo() {
		// (2*1 + 3*3/4 + 1*0 + 1*1) / (2+3+1+1) = 5.25 / 7 = 75 % -> passes exactly at the threshold
		Score score = card.scoreSubmission(answers(Answer.of("greeting", 1), Answer.of("listening", 3),
				Answer.of("empathy", 0), Answer.of("forbidden", 1)));
		assertThat(score).isEqualTo(new Score(75.0, true, false));
	}

	@Test
	void scoreWhenItemIsNotApplicableShouldDropItsWeight() {
		// (2*0 + 3*4/4 + 1*1) / (2+3+1) = 4 / 6 = 66.67 % -> fails the 75 % threshold
		Score score = card.scoreSubmission(answers(Answer.of("greeting", 0), Answer.of("listening", 4),
				Answer.notApplicable("empathy"), Answer.of("forbidden", 1)));
		assertThat(score).isEqualTo(new Score(66.67, false, false));
	}

	@Test
	void scoreWhenCriticalItemFailsShouldBeZeroAndNotPass() {
		Score score = card.scoreSubmission(answers(Answer.of("greeting", 1), Answer.of("listening", 4),
				Answer.of("empathy", 1), Answer.of("forbidden", 0)));
		assertThat(score).isEqualTo(new Score(0, false, true));
	}

	@Test
	void scoreWhenDraftIsPartialShouldPreviewTheAnsweredItems() {
		// 3*2/4 / 3 = 50 %
		assertThat(card.score(answers(Answer.of("listening", 2)))).isEqualTo(new Score(50.0, false, false));
	}

	@Test
	void scoreSubmissionWhenItemsUnansweredShouldNameThem() {
		assertThatExceptionOfType(InvalidAnswerException.class)
			.isThrownBy(() -> card.scoreSubmission(answers(Answer.of("greeting", 1), Answer.of("forbidden", 1))))
			.withMessage("Not answered yet: listening, empathy");
	}

	@Test
	void checkWhenValueOutOfRangeOrNotWholeShouldRefuse() {
		assertThatExceptionOfType(InvalidAnswerException.class).isThrownBy(() -> card.check(Answer.of("listening", 5)))
			.withMessageContaining("whole points from 0 to 4");
		assertThatExceptionOfType(InvalidAnswerException.class).isThrownBy(() -> card.check(Answer.of("greeting", 2)))
			.withMessageContaining("1 (yes) or 0 (no)");
		assertThatExceptionOfType(InvalidAnswerException.class)
			.isThrownBy(() -> card.check(Answer.of("listening", 1.5)));
	}

	@Test
	void checkWhenUnknownItemOrNotApplicableNotAllowedShouldRefuse() {
		assertThatExceptionOfType(InvalidAnswerException.class).isThrownBy(() -> card.check(Answer.of("smile", 1)))
			.withMessage("Unknown item 'smile'");
		assertThatExceptionOfType(InvalidAnswerException.class)
			.isThrownBy(() -> card.check(Answer.notApplicable("greeting")))
			.withMessage("Item 'greeting' cannot be N/A");
		card.check(Answer.notApplicable("empathy"));
	}

	@Test
	void scoreSubmissionWhenEverythingNotApplicableShouldRefuse() {
		Scorecard optional = new Scorecard(50, List.of(new Section("Only",
				List.of(new Item("a", "A", 1, ItemType.YES_NO, null, true, false, null)))));
		assertThatExceptionOfType(InvalidAnswerException.class)
			.isThrownBy(() -> optional.scoreSubmission(answers(Answer.notApplicable("a"))));
	}

	@Test
	void validatedWhenDefinitionIsBrokenShouldSayWhy() {
		Item item = new Item("a", "A", 1, ItemType.YES_NO, null, false, false, null);
		Item noWeight = new Item("b", "B", 0, ItemType.YES_NO, null, false, false, null);
		Item noPoints = new Item("c", "C", 1, ItemType.POINTS, null, false, false, null);
		assertThatExceptionOfType(InvalidScorecardException.class)
			.isThrownBy(() -> new Scorecard(50, List.of(new Section("S", List.of(item, item)))).validated())
			.withMessage("Item key 'a' is used twice");
		assertThatExceptionOfType(InvalidScorecardException.class)
			.isThrownBy(() -> new Scorecard(50, List.of(new Section("S", List.of(noWeight)))).validated())
			.withMessage("Item 'b' needs a weight above 0");
		assertThatExceptionOfType(InvalidScorecardException.class)
			.isThrownBy(() -> new Scorecard(50, List.of(new Section("S", List.of(noPoints)))).validated())
			.withMessage("POINTS item 'c' needs maxPoints of at least 1");
		assertThatExceptionOfType(InvalidScorecardException.class)
			.isThrownBy(() -> new Scorecard(101, List.of(new Section("S", List.of(item)))).validated());
	}

	@Test
	void defaultStandardShouldBeValidWithCriticalForbiddenBehaviour() {
		Scorecard standard = DefaultStandard.scorecard().validated();
		assertThat(standard.sections()).extracting(Section::name)
			.containsExactly("Greeting", "Listening", "Empathy and apology", "Positive language", "Forbidden behaviour",
					"Next steps", "Extra mile", "Closing", "Speed and flow");
		assertThat(standard.items()).filteredOn(Item::critical)
			.extracting(Item::key)
			.allMatch((key) -> key.startsWith("forbidden."))
			.hasSize(3);
	}

	static Map<String, Answer> answers(Answer... answers) {
		return Scorecard.byKey(List.of(answers));
	}

}
