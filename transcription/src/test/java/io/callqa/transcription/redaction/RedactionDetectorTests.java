package io.callqa.transcription.redaction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.callqa.transcription.Utterance;
import io.callqa.transcription.Word;
import io.callqa.transcription.speech.Checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The detector on words as Vosk writes them: numbers read in many ways, split across utterances and channels, and
 * numbers that are not a card left alone.
 */
class RedactionDetectorTests {

	private final RedactionDetector detector = new RedactionDetector(RedactionProperties.defaults());

	/** Builds utterances on a timeline: each word 0.4 s, 0.1 s apart; "|" starts a new utterance 1 s later. */
	private static final class Call {

		private final List<Utterance> utterances = new ArrayList<>();

		private double at = 0.5;

		Call say(String speaker, String text) {
			for (String part : text.split("\\|")) {
				List<Word> words = new ArrayList<>();
				double start = this.at;
				for (String w : part.strip().split("\\s+")) {
					words.add(new Word(w, this.at, this.at + 0.4, 0.9));
					this.at += 0.5;
				}
				this.utterances.add(new Utterance(speaker, start, this.at - 0.1, part.strip(), words));
				this.at += 1.0;
			}
			return this;
		}

		/** Moves the clock back: the next words overlap what was said (the other channel). */
		Call at(double sec) {
			this.at = sec;
			return this;
		}

		List<Utterance> utterances() {
			return Redactor.inOrder(this.utterances);
		}

	}

	private List<Span> find(Call call) {
		return this.detector.find(call.utterances());
	}

	private static String spoken(String digits) {
		String[] names = { "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine" };
		List<String> words = new ArrayList<>();
		for (char c : digits.toCharArray()) {
			words.add(names[c - '0']);
		}
		return String.join(" ", words);
	}

	@Test
	void cardNumberReadDigitByDigitIsOneSpanOverItsWords() {
		Call call = new Call().say("customer", "yes my card number is " + spoken("4556737586899855") + " thanks");
		List<Span> spans = find(call);
		assertThat(spans).singleElement().satisfies((span) -> {
			assertThat(span.kind()).isEqualTo("card number");
			assertThat(span.heard()).isEqualTo(spoken("4556737586899855"));
			assertThat(span.words()).hasSize(16);
			assertThat(span.start()).isEqualTo(0.5 + 5 * 0.5);
			assertThat(span.speaker()).isEqualTo("customer");
		});
	}

	@Test
	void cardNumberInGroupsOfFourAcrossUtterancesWithoutAnyContext() {
		Call call = new Call().say("customer", "four five five six | seven three seven five | eight six eight nine"
				+ " | nine eight five five");
		assertThat(find(call)).singleElement().satisfies((span) -> {
			assertThat(span.kind()).isEqualTo("card number");
			assertThat(span.words()).hasSize(16);
		});
	}

	@Test
	void ohDoubleTripleAndPairsAreDigits() {
		assertThat(NumberWords.digits(List.of("five", "five", "oh", "o", "zero", "nought"), false)).hasSize(6);
		assertThat(digits("double five double oh triple five five five five five nine")).isEqualTo("550055555559");
		assertThat(digits("forty five fifty six seventy three seventy five")).isEqualTo("45567375");
		assertThat(digits("forty sixty")).isEqualTo("4060");
		assertThat(digits("four hundred and six")).isEqualTo("406");
		assertThat(digits("four hundred fifty six")).isEqualTo("456");
		assertThat(digits("nineteen eighty five")).isEqualTo("1985");
		assertThat(digits("two thousand and five")).isEqualTo("2005");
		assertThat(digits("six oh one one")).isEqualTo("6011");
		// A homophone is a digit only between two number words.
		assertThat(digits("four five for six")).isEqualTo("4546");
		assertThat(digits("[digits:3] one")).isEqualTo("xxx1");
	}

	private static String digits(String words) {
		StringBuilder sb = new StringBuilder();
		NumberWords.digits(List.of(words.split(" ")), false).forEach((d) -> sb.append(d.digit()));
		return sb.toString();
	}

	@Test
	void cardNumbersReadWithOhDoubleAndPairs() {
		assertThat(find(new Call().say("customer", "it is five five double oh | oh oh five five | double five"
				+ " five five | five five five nine"))).singleElement()
			.extracting(Span::kind)
			.isEqualTo("card number");
		assertThat(find(new Call().say("customer",
				"forty five fifty six | seventy three seventy five | eighty six eighty nine | ninety eight fifty five")))
			.singleElement()
			.extracting(Span::kind)
			.isEqualTo("card number");
		assertThat(find(new Call().say("customer", "three seven one four four nine six three five three nine eight"
				+ " four three one"))).singleElement()
			.extracting(Span::kind)
			.isEqualTo("card number");
	}

	@Test
	void luhn() {
		assertThat(NumberWords.luhn("4556737586899855")).isTrue();
		assertThat(NumberWords.luhn("4556737586899856")).isFalse();
		assertThat(NumberWords.luhn("371449635398431")).isTrue();
		assertThat(NumberWords.luhn("45567375868998x6")).isTrue();
	}

	@Test
	void theAgentReadingTheNumberBackOnTheOtherChannelIsRedactedToo() {
		Call call = new Call().say("customer", "my card number is " + spoken("4111111111111111"));
		call.say("agent", "let me read that back " + spoken("4111111111111111") + " is that right");
		List<Span> spans = find(call);
		assertThat(spans).extracting(Span::kind).containsExactly("card number", "card number");
		assertThat(spans).extracting(Span::speaker).containsExactly("customer", "agent");
		assertThat(spans.get(1).words()).hasSize(16);
	}

	@Test
	void groupsConfirmedOneByOneByTheAgentAreRedactedOnBothChannels() {
		Call call = new Call();
		String[] groups = { "four five five six", "seven three seven five", "eight six eight nine", "nine eight five five" };
		call.say("agent", "can i take the card number please");
		for (String group : groups) {
			call.say("customer", group);
			call.say("agent", group);
		}
		call.say("agent", "thank you");
		List<Span> spans = find(call);
		assertThat(spans).extracting(Span::speaker).containsOnly("customer", "agent");
		int redacted = spans.stream().mapToInt((s) -> s.words().size()).sum();
		assertThat(redacted).isEqualTo(32);
	}

	@Test
	void aRepeatedLastGroupIsRedactedAsPartOfTheCard() {
		Call call = new Call().say("customer", spoken("4556737586899855"));
		call.say("agent", "thank you that is the card ending in nine eight five five");
		List<Span> spans = find(call);
		assertThat(spans).hasSize(2);
		assertThat(spans.get(1).heard()).isEqualTo("nine eight five five");
	}

	@Test
	void phoneNumbersAmountsAndOrderNumbersAreLeftAlone() {
		Call call = new Call().say("customer", "my phone number is oh seven seven oh oh nine oh oh four six one")
			.say("agent", "that will be two hundred and fifty dollars")
			.say("customer", "my order number is one two three four five six seven eight")
			.say("agent", "i will call you back in five minutes")
			.say("customer", "it happened on the twenty first at nine thirty");
		assertThat(find(call)).isEmpty();
	}

	@Test
	void aMisheardDigitFailsLuhnButAfterTheWordCardItIsStillACardNumber() {
		String misheard = spoken("4556737586899856");
		assertThat(find(new Call().say("customer", "the card number is " + misheard))).singleElement()
			.extracting(Span::words)
			.satisfies((words) -> assertThat(words).hasSize(16));
		// A dropped digit: 15 left.
		assertThat(find(new Call().say("agent", "what is the long number on your card")
			.say("customer", spoken("455673758689985")))).singleElement()
			.extracting(Span::kind)
			.isEqualTo("card number");
		// Twelve digits without any context: not a card.
		assertThat(find(new Call().say("customer", "the reference is " + spoken("455673758689"))))
			.isEmpty();
	}

	@Test
	void afterACardWordAStretchDenseWithNumberWordsIsACardNumberEvenWithDigitsHeardAsOtherWords() {
		// What the small model made of "4024 0071 0393 9509" read in groups by a synthetic voice.
		String heard = "for all to for oh sam and one oh three nine three nine five";
		assertThat(find(new Call().say("agent", "please read me the card number").say("customer", heard)))
			.singleElement()
			.satisfies((span) -> {
				assertThat(span.kind()).isEqualTo("card number");
				assertThat(span.heard()).isEqualTo(heard);
			});
		// Without a card word, or with too few number words, it is left alone.
		assertThat(find(new Call().say("customer", heard))).isEmpty();
		assertThat(find(new Call().say("agent", "which card did you use")
			.say("customer", "i think it was for the one i got two or three years ago"))).isEmpty();
	}

	@Test
	void aSecurityCodeAfterItsTriggerWithinTheWindow() {
		Call call = new Call().say("agent", "and the three digits on the back please")
			.say("customer", "seven two one");
		assertThat(find(call)).singleElement().satisfies((span) -> {
			assertThat(span.kind()).isEqualTo("security code");
			assertThat(span.heard()).isEqualTo("seven two one");
		});
		assertThat(find(new Call().say("agent", "what is the security code").say("customer", "four five six seven")))
			.singleElement()
			.extracting(Span::kind)
			.isEqualTo("security code");
		assertThat(find(new Call().say("agent", "what is the c v v").say("customer", "it is four oh six")))
			.singleElement()
			.extracting(Span::heard)
			.isEqualTo("four oh six");
		// Without a trigger, or long after it, three digits are three digits.
		assertThat(find(new Call().say("customer", "i have four five six items"))).isEmpty();
		Call late = new Call().say("agent", "what is the security code").at(40).say("customer", "four five six");
		assertThat(find(late)).isEmpty();
	}

	@Test
	void configuredPatterns() {
		assertThat(find(new Call().say("customer", "my date of birth is the fourth of july nineteen eighty five")))
			.singleElement()
			.satisfies((span) -> {
				assertThat(span.kind()).isEqualTo("date of birth");
				assertThat(span.heard()).isEqualTo("fourth of july nineteen eighty five");
			});
		assertThat(find(new Call().say("customer", "the account number is one two three four five six seven eight")))
			.singleElement()
			.extracting(Span::kind)
			.isEqualTo("account number");
		RedactionProperties custom = new RedactionProperties(RedactionProperties.Mode.REDACT, Duration.ofSeconds(6),
				Duration.ofMillis(250), RedactionProperties.defaults().card(), RedactionProperties.defaults().securityCode(),
				List.of(new RedactionProperties.Pattern("membership number", List.of("membership number"), 5, 9,
						Duration.ofSeconds(5), null)),
				false);
		RedactionDetector configured = new RedactionDetector(custom);
		assertThat(configured.find(new Call().say("customer", "my membership number is nine eight seven six five")
			.utterances())).singleElement().extracting(Span::kind).isEqualTo("membership number");
		assertThat(configured.find(new Call().say("customer", "the account number is one two three four five six seven")
			.utterances())).isEmpty();
	}

	@Test
	void replacedWordsBecomeOneLabelPerUtteranceWithTheirTimesAndTheTextFollows() {
		Call call = new Call().say("customer", "it is four five five six seven three seven five | eight six eight nine"
				+ " nine eight five five okay");
		List<Utterance> utterances = call.utterances();
		List<Utterance> redacted = Redactor.replace(utterances, this.detector.find(utterances));
		assertThat(redacted).extracting(Utterance::text).containsExactly("it is [card number]", "[card number] okay");
		Word label = redacted.get(0).words().get(2);
		assertThat(label.start()).isEqualTo(utterances.get(0).words().get(2).start());
		assertThat(label.end()).isEqualTo(utterances.get(0).words().get(9).end());
		assertThat(redacted.toString()).doesNotContain("four", "five", "eight", "nine");
	}

	@Test
	void wordsOnEitherChannelDuringACardNumberLoseWhatTheRecogniserAlmostHeard() {
		Call call = new Call().say("customer", "it is " + spoken("4111111111111111") + " okay");
		List<Utterance> utterances = call.utterances();
		Utterance customer = utterances.get(0);
		// The agent's channel hears the customer's voice as an echo: "for" whose alternatives hold the digit.
		Word echo = new Word("for", customer.words().get(5).start(), customer.words().get(5).end(), 0.4,
				List.of("four", "forty"));
		Word later = new Word("thanks", 30, 30.4, 0.9, List.of("tanks"));
		List<Utterance> both = Redactor.inOrder(List.of(customer,
				new Utterance("agent", echo.start(), later.end(), "for thanks", List.of(echo, later))));
		List<Utterance> redacted = Redactor.replace(both, this.detector.find(both));
		Utterance agent = redacted.stream().filter((u) -> u.speaker().equals("agent")).findFirst().orElseThrow();
		assertThat(agent.words().get(0).alternatives()).isEmpty();
		assertThat(agent.words().get(1).alternatives()).containsExactly("tanks");
		assertThat(redacted.toString()).doesNotContain("four", "forty");
	}

	@Test
	void aCheckpointKeepsNoDigitsOfANumberItCutsAndTheResumedTranscriptFindsItWhole() {
		Call before = new Call().say("customer", "my number is four five five six seven three seven five");
		Checkpoint checkpoint = new Checkpoint(16000, List.of(new Checkpoint.Channel(16000L * 10, before.utterances())));
		Checkpoint masked = Redactor.mask(checkpoint, this.detector, 7);
		assertThat(masked.toString()).doesNotContain("four", "five", "six", "seven", "three")
			.contains("my number is [digits:1]");
		List<Utterance> resumed = new ArrayList<>(masked.channels().get(0).utterances());
		resumed.addAll(new Call().at(10.5).say("customer", "eight six eight nine nine eight five five").utterances());
		List<Span> spans = this.detector.find(resumed);
		assertThat(spans).singleElement().extracting(Span::words).satisfies((w) -> assertThat(w).hasSize(16));
		assertThat(Redactor.replace(resumed, spans)).extracting(Utterance::text)
			.containsExactly("my number is [card number]", "[card number]");
	}

	@Test
	void aMaskedNumberThatTurnsOutHarmlessReadsAsNumber() {
		Call before = new Call().say("customer", "it costs fifty");
		Checkpoint checkpoint = new Checkpoint(16000, List.of(new Checkpoint.Channel(16000L * 5, before.utterances())));
		List<Utterance> resumed = new ArrayList<>(Redactor.mask(checkpoint, this.detector, 7).channels().get(0).utterances());
		resumed.addAll(new Call().at(6).say("customer", "dollars thanks").utterances());
		assertThat(Redactor.replace(resumed, this.detector.find(resumed))).extracting(Utterance::text)
			.containsExactly("it costs [number]", "dollars thanks");
	}

}
