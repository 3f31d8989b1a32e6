package io.callqa.transcription.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.callqa.simulator.Conversation;
import io.callqa.transcription.Transcript;
import io.callqa.transcription.Utterance;
import io.callqa.transcription.Word;

/**
 * The demo's conversations (the simulator's per-party u-law fixtures, made by make-conversations.sh) transcribed with
 * the bundled model as their per-party pair is: each party's words under its own speaker, close to the script, and
 * the phrases the demo is about (greeting, forbidden phrases, promises, complaint) recognised.
 */
class DemoConversationsTranscriptionTests {

	/** What the agent must be heard saying, per conversation (as the model writes it: lower case, no punctuation). */
	private static final Map<String, List<String>> AGENT_SAYS = Map.of(
			"model", List.of("thank you for calling sunrise", "my name is sam", "anything else", "goodbye"),
			"rude", List.of("not my problem", "stupid"),
			"dead-air", List.of("thank you for calling", "one moment please", "anything else"),
			"promise-kept", List.of("thank you for calling", "call you back within the hour"),
			"promise-kept-callback", List.of("calling you back", "new package"),
			"promise-broken", List.of("thank you for calling", "call you back in five minutes"),
			"complaint", List.of("thank you for calling", "sorry", "email"),
			"cancellation", List.of("thank you for calling", "cancelled", "anything else"),
			"mystery-shopper", List.of("thank you for calling", "my name is kim", "anything else"));

	/**
	 * What the customer must be heard saying. The same audio is not always heard the same way from run to run
	 * ("cancel my subscription" once came out as "cancel my phone three soon"), so only what was heard every time.
	 */
	private static final Map<String, List<String>> CUSTOMER_SAYS = Map.of("rude", List.of("unhappy"),
			"complaint", List.of("complaint", "unhappy"), "cancellation", List.of("cancel"));

	private static final Map<String, Recognition> RECOGNITIONS = new ConcurrentHashMap<>();

	private final VoskTranscriber transcriber = TestTranscriber.get();

	@TempDir
	Path dir;

	@ParameterizedTest
	@MethodSource("names")
	void transcribeShouldGiveEachPartyItsOwnWordsAndTheKeyPhrases(String name) throws IOException {
		Conversation conversation = Conversation.load(name);
		Recognition recognition = transcribe(conversation);
		String agent = said(recognition, "agent");
		String customer = said(recognition, "customer");
		// Synthetic (espeak-ng) telephone speech on the small model: about 15-30 % WER per party.
		assertThat(WordErrorRate.of(conversation.said("agent"), agent)).as(agent).isLessThan(0.5);
		assertThat(WordErrorRate.of(conversation.said("customer"), customer)).as(customer).isLessThan(0.5);
		assertThat(agent).contains(AGENT_SAYS.get(name));
		CUSTOMER_SAYS.getOrDefault(name, List.of()).forEach((phrase) -> assertThat(customer).contains(phrase));
		assertThat(recognition.utterances()).extracting(Utterance::speaker).containsOnly("agent", "customer");
	}

	@ParameterizedTest
	@MethodSource("names")
	void transcribeShouldTimeTheWordsLikeTheScript(String name) throws IOException {
		Conversation conversation = Conversation.load(name);
		List<Word> words = transcribe(conversation).utterances().stream()
			.flatMap((u) -> u.words().stream())
			.toList();
		// Every word recognised falls in a scripted turn: the silences (dead air included) stay silent.
		assertThat(words).allSatisfy((word) -> assertThat(conversation.turns())
			.anyMatch((turn) -> word.start() >= turn.startSec() - 0.3 && word.end() <= turn.endSec() + 0.3));
	}

	/** Each conversation is transcribed once for both tests (the model is the slow part). */
	private Recognition transcribe(Conversation conversation) throws IOException {
		Recognition done = RECOGNITIONS.get(conversation.name());
		if (done == null) {
			Path stereo = this.dir.resolve(conversation.name() + ".wav");
			conversation.writeStereo(stereo);
			done = this.transcriber.transcribe(stereo, List.of("agent", "customer"));
			RECOGNITIONS.put(conversation.name(), done);
		}
		return done;
	}

	static Stream<String> names() {
		return Conversation.NAMES.stream();
	}

	private static String said(Recognition recognition, String speaker) {
		List<Utterance> own = recognition.utterances().stream().filter((u) -> u.speaker().equals(speaker)).toList();
		return new Transcript(1, recognition.audioSec(), own).text();
	}

}
