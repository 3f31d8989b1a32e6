package io.callqa.qaconsole.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.callqa.qaconsole.scoring.DefaultStandardRules;
import io.callqa.transcription.Transcript;
import io.callqa.transcription.Utterance;
import io.callqa.transcription.Word;
import io.callqa.transcription.index.TestTranscriptChecks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default standard's starter rules on what the bundled model really heard of clearly spoken scripted calls
 * (RuleAccuracyBenchmark's transcripts): greetings and closings it half-heard still pass, what was not said still
 * fails.
 */
class StarterRulesTests {

	private final AutomaticScoring scoring = new RuleEngine(TestTranscriptChecks.create(), DefaultStandardRules::of,
			null);

	private static final CallFacts FACTS = new CallFacts(1, "agent1", "support", "INBOUND", "ANSWERED", 30.0, 10.0,
			null, null);

	@Test
	void aGreetingWhoseThankYouWasMisheardShouldStillWelcomeAndNameTheCompany() {
		// "Thank you for calling Sunrise. My name is Kim." as the model heard it for one voice
		Map<String, RuleOutcome> outcomes = outcomes(agent(0.4, "aren't you for calling sunrise my name is kim"),
				agent(20, "is there anything else i can help you with"), agent(24, "goodbye"));
		assertThat(outcomes).containsEntry("greeting.welcome", RuleOutcome.PASS)
			.containsEntry("greeting.company", RuleOutcome.PASS)
			.containsEntry("greeting.own-name", RuleOutcome.PASS);
	}

	@Test
	void myNameFollowedByAMisheardNameShouldStillBeTheAgentsName() {
		// "My name is Emma" heard as "my name a mammoth", "my name and mammoth"
		assertThat(outcomes(agent(0.3, "thank you for calling sunrise my name a mammoth how can i help")))
			.containsEntry("greeting.own-name", RuleOutcome.PASS);
		assertThat(outcomes(agent(0.3, "thank you for calling from rise my name and mammoth")))
			.containsEntry("greeting.own-name", RuleOutcome.PASS);
		assertThat(outcomes(agent(0.3, "hello sunrise what do you want"), agent(20, "my name is tom")))
			.containsEntry("greeting.own-name", RuleOutcome.FAIL)
			.containsEntry("greeting.company", RuleOutcome.FAIL);
	}

	@Test
	void thankingTheCallerAtTheEndShouldCountAsTheClosingWhenTheGoodbyeWasMisheard() {
		// "Thank you for calling. Have a nice day, goodbye." heard as "... him a nice may not my"
		assertThat(outcomes(agent(0.3, "thank you for calling sunrise"), agent(24, "thank you for calling him a nice may not my")))
			.containsEntry("closing.thanks", RuleOutcome.PASS);
		assertThat(outcomes(agent(0.3, "thank you for calling sunrise"), agent(24, "okay then")))
			.containsEntry("closing.thanks", RuleOutcome.FAIL);
	}

	private Map<String, RuleOutcome> outcomes(Utterance... utterances) {
		double end = 0;
		for (Utterance utterance : utterances) {
			end = Math.max(end, utterance.end() + 1);
		}
		return this.scoring.evaluate(1, new Transcript(1, end, List.of(utterances)), FACTS)
			.items()
			.stream()
			.collect(Collectors.toMap(ItemResult::itemKey, ItemResult::outcome));
	}

	private static Utterance agent(double start, String text) {
		List<Word> words = new ArrayList<>();
		double at = start;
		for (String word : text.split(" ")) {
			words.add(new Word(word, at, at + 0.3, 0.9));
			at += 0.4;
		}
		return new Utterance("agent", start, at, text, words);
	}

}
