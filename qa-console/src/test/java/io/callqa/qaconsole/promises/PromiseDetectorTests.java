package io.callqa.qaconsole.promises;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.callqa.transcription.Transcript;
import io.callqa.transcription.Utterance;
import io.callqa.transcription.Word;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PromiseDetector} and {@link TimeExpressions}: which words are a promise, of what kind, and when it
 * is due. The call ends on Tuesday 4 March 2031 at 10:00 in Berlin; business ends at 17:00.
 */
class PromiseDetectorTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final ZonedDateTime END = ZonedDateTime.of(2031, 3, 4, 10, 0, 0, 0, BERLIN);

	private static final LocalTime CLOSING = LocalTime.of(17, 0);

	@Test
	void callbackWithinTheHourShouldBeDueAnHourAfterTheCallsEnd() {
		PromiseDetector.Spoken promise = single(agent("okay i will call you back within the hour thank you"));
		assertThat(promise.kind()).isEqualTo(PromiseKind.CALLBACK);
		assertThat(promise.phrase()).isEqualTo("i will call you back within the hour");
		assertThat(promise.timePhrase()).isEqualTo("within the hour");
		assertThat(promise.speaker()).isEqualTo("agent");
		assertThat(due(promise)).isEqualTo(at(4, 11, 0));
		// Words are one second apart from 0: "i" is the second word.
		assertThat(promise.startSec()).isEqualTo(1.0);
		assertThat(promise.endSec()).isEqualTo(9.0);
	}

	@Test
	void timeExpressionsShouldGiveTheirDueTimes() {
		assertThat(dueOf("i'll call you back by tomorrow")).isEqualTo(at(5, 17, 0));
		assertThat(dueOf("i will call you today before five")).isEqualTo(at(4, 17, 0));
		assertThat(dueOf("we will call you on monday")).isEqualTo(at(10, 17, 0));
		assertThat(dueOf("i will call you back in two days")).isEqualTo(at(6, 17, 0));
		assertThat(dueOf("someone will get back to you within twenty four hours")).isEqualTo(at(5, 10, 0));
		assertThat(dueOf("i will give you a call at half past three")).isEqualTo(at(4, 15, 30));
		assertThat(dueOf("i will ring you back in half an hour")).isEqualTo(at(4, 10, 30));
		assertThat(dueOf("i will call you back tomorrow morning")).isEqualTo(at(5, 12, 0));
		assertThat(dueOf("i will call you back at ten thirty tomorrow")).isEqualTo(at(5, 10, 30));
		assertThat(dueOf("i will call you back by the end of the day")).isEqualTo(at(4, 17, 0));
		assertThat(dueOf("i will call you back next week")).isEqualTo(at(14, 17, 0));
		assertThat(dueOf("i will call you back before nine am")).isEqualTo(at(5, 9, 0));
		assertThat(dueOf("i will call you back as soon as possible")).isEqualTo(at(4, 11, 0));
		assertThat(dueOf("i will call you back in twenty minutes")).isEqualTo(at(4, 10, 20));
		assertThat(dueOf("i will call you back by friday afternoon")).isEqualTo(at(7, 17, 0));
		assertThat(dueOf("i will call you back right away")).isEqualTo(at(4, 11, 0));
		assertThat(dueOf("i will call you back shortly")).isEqualTo(at(4, 11, 0));
		assertThat(dueOf("i will call you back by the end of the week")).isEqualTo(at(7, 17, 0));
		assertThat(dueOf("i will call you back tonight")).isEqualTo(at(4, 21, 0));
		assertThat(dueOf("i will be in touch tomorrow")).isEqualTo(at(5, 17, 0));
		assertThat(single(agent("i will be in touch tomorrow")).kind()).isEqualTo(PromiseKind.CALLBACK);
	}

	@Test
	void whatTheModelHearsOfClearlySpokenPromisesShouldStillBeFound() {
		// "today" heard as "to day" (but "from day to day" is no time)
		assertThat(dueOf("i will call you back to day before i am")).isEqualTo(at(4, 17, 0));
		assertThat(single(agent("i will call you back to day")).timePhrase()).isEqualTo("to day");
		assertThat(single(agent("i will call you from day to day")).timePhrase()).isNull();
		// "I will email you the form today" heard as "i will email uniform today": "email" after "will" is the verb
		PromiseDetector.Spoken email = single(agent("i will email uniform today"));
		assertThat(email.kind()).isEqualTo(PromiseKind.EMAIL);
		assertThat(due(email)).isEqualTo(at(4, 17, 0));
	}

	@Test
	void aTimeSaidBeforeThePromiseShouldCount() {
		PromiseDetector.Spoken promise = single(agent("tomorrow morning i will call you back"));
		assertThat(promise.phrase()).isEqualTo("tomorrow morning i will call you back");
		assertThat(due(promise)).isEqualTo(at(5, 12, 0));
	}

	@Test
	void businessDaysShouldSkipTheWeekend() {
		PromiseDetector.Spoken promise = single(agent("i am going to arrange a refund within two business days"));
		assertThat(promise.kind()).isEqualTo(PromiseKind.OTHER);
		ZonedDateTime friday = ZonedDateTime.of(2031, 3, 7, 12, 0, 0, 0, BERLIN);
		assertThat(promise.when().due(friday, CLOSING)).isEqualTo(at(11, 17, 0));
	}

	@Test
	void oneSubjectMayMakeTwoPromisesJoinedByAnd() {
		// The transcription fixtures' words (conversation.txt, refund.txt).
		List<PromiseDetector.Spoken> both = PromiseDetector
			.find(agent("i am sorry about that i will process the refund today and call you back within one hour"));
		assertThat(both).extracting(PromiseDetector.Spoken::kind).containsExactly(PromiseKind.OTHER, PromiseKind.CALLBACK);
		assertThat(both.get(0).phrase()).isEqualTo("i will process the refund today");
		assertThat(both.get(0).when().due(END, CLOSING)).isEqualTo(at(4, 17, 0));
		assertThat(both.get(1).phrase()).isEqualTo("call you back within one hour");
		assertThat(both.get(1).when().due(END, CLOSING)).isEqualTo(at(4, 11, 0));
		PromiseDetector.Spoken courier = single(
				agent("i am sorry for the delay i will check with the courier and call you back tomorrow morning"));
		assertThat(courier.kind()).isEqualTo(PromiseKind.CALLBACK);
		assertThat(courier.phrase()).isEqualTo("i will check with the courier and call you back tomorrow morning");
		assertThat(due(courier)).isEqualTo(at(5, 12, 0));
	}

	@Test
	void aMisheardSubjectShouldStillMakeAPromise() {
		// What the bundled model hears in the fixture conversation-stereo-8k.wav.
		PromiseDetector.Spoken promise = single(
				agent("i'm sorry about that guy will profit the reef and today and call you back within one hour"));
		assertThat(promise.kind()).isEqualTo(PromiseKind.CALLBACK);
		assertThat(promise.timePhrase()).isEqualTo("within one hour");
		assertThat(single(agent("the technician will call you on monday")).kind()).isEqualTo(PromiseKind.CALLBACK);
		assertThat(PromiseDetector.find(agent("you will get an email and it will send you a link"))).isEmpty();
		assertThat(PromiseDetector.find(agent("so what time will you call me back"))).isEmpty();
		assertThat(PromiseDetector.find(agent("the parcel will arrive tomorrow"))).isEmpty();
	}

	@Test
	void emailPromisesShouldBeEmail() {
		assertThat(single(agent("i'll email you the details")).kind()).isEqualTo(PromiseKind.EMAIL);
		assertThat(single(agent("i'll email you the details")).when()).isNull();
		assertThat(single(agent("we'll send you an email")).kind()).isEqualTo(PromiseKind.EMAIL);
		assertThat(single(agent("we will send you an email with the confirmation")).kind())
			.isEqualTo(PromiseKind.EMAIL);
		assertThat(single(agent("i will e mail you the invoice")).kind()).isEqualTo(PromiseKind.EMAIL);
		assertThat(single(agent("i will send you the form by post")).kind()).isEqualTo(PromiseKind.OTHER);
	}

	@Test
	void offersQuestionsNegationsAndTheCustomersWordsShouldNotBePromises() {
		assertThat(PromiseDetector.find(transcript(List.of(utterance("agent", 0, "shall i call you back later"),
				utterance("agent", 10, "would you like me to call you back"),
				utterance("agent", 20, "i won't call you again"), utterance("agent", 30, "i will not call you back"),
				utterance("agent", 40, "i can call you back if you like"),
				utterance("customer", 50, "i will call you back tomorrow"),
				utterance("customer", 60, "can you call me back"), utterance("agent", 70, "i will transfer you now")))))
			.isEmpty();
	}

	@Test
	void aRepeatedPromiseShouldCountOnceWithTheTimeSaid() {
		List<PromiseDetector.Spoken> found = PromiseDetector.find(transcript(List.of(
				utterance("agent", 0, "i will call you back"), utterance("customer", 5, "when"),
				utterance("agent", 8, "i will call you back within the hour"),
				utterance("agent", 60, "and i will email you the details"))));
		assertThat(found).extracting(PromiseDetector.Spoken::kind)
			.containsExactly(PromiseKind.CALLBACK, PromiseKind.EMAIL);
		assertThat(found.get(0).timePhrase()).isEqualTo("within the hour");
		assertThat(found.get(0).startSec()).isEqualTo(8.0);
	}

	@Test
	void aMonoRecordingShouldBeReadWhole() {
		PromiseDetector.Spoken promise = single(
				transcript(List.of(utterance("mixed", 0, "thanks i will call you back within an hour bye"))));
		assertThat(promise.speaker()).isEqualTo("mixed");
		assertThat(due(promise)).isEqualTo(at(4, 11, 0));
	}

	@Test
	void transcriptWithoutWordTimesShouldSpreadThemOverTheUtterance() {
		Utterance noWords = new Utterance("agent", 10, 20, "i will call you back", List.of());
		PromiseDetector.Spoken promise = single(transcript(List.of(noWords)));
		assertThat(promise.startSec()).isEqualTo(10.0);
		assertThat(promise.endSec()).isEqualTo(20.0);
	}

	private static Instant dueOf(String said) {
		return due(single(agent(said)));
	}

	private static Instant due(PromiseDetector.Spoken promise) {
		assertThat(promise.when()).as("time of '%s'", promise.phrase()).isNotNull();
		return promise.when().due(END, CLOSING);
	}

	private static Instant at(int day, int hour, int minute) {
		return ZonedDateTime.of(2031, 3, day, hour, minute, 0, 0, BERLIN).toInstant();
	}

	private static PromiseDetector.Spoken single(Transcript transcript) {
		List<PromiseDetector.Spoken> found = PromiseDetector.find(transcript);
		assertThat(found).as("promises in %s", transcript.text()).hasSize(1);
		return found.get(0);
	}

	private static Transcript agent(String said) {
		return transcript(List.of(utterance("agent", 0, said)));
	}

	static Transcript transcript(List<Utterance> utterances) {
		return new Transcript(1, 120, utterances);
	}

	/** An utterance whose words are one second apart from {@code start}. */
	static Utterance utterance(String speaker, double start, String said) {
		List<Word> words = new ArrayList<>();
		String[] parts = said.split(" ");
		for (int i = 0; i < parts.length; i++) {
			words.add(new Word(parts[i], start + i, start + i + 1, 0.9));
		}
		return new Utterance(speaker, start, start + parts.length, said, words);
	}


}
