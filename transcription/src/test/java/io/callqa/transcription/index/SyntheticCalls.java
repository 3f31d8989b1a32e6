package io.callqa.transcription.index;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;

import io.callqa.transcription.Transcript;
import io.callqa.transcription.Utterance;
import io.callqa.transcription.Word;

/**
 * Deterministic synthetic calls for benchmarks: call {@code id} is the same for the same seed whatever else was
 * generated, so a benchmark can stream a million calls twice (once per engine) without keeping them.
 *
 * <p>Each call has 300 to 600 words in utterances of 4 to 24 words, agent and customer alternating (agent first), with
 * word times. Words are drawn from a Zipf-Mandelbrot distribution over a call-center core of real words (most frequent
 * first) followed by a long tail of made-up words; now and then an utterance holds a stock phrase of the trade ("call
 * you back", "account number"), so phrase queries have realistic hits. Metadata: one of 200 agents, 20 queues, mostly
 * inbound, started over a year, a QA score for about 1 call in 8 and a survey score for about 1 in 4.
 */
final class SyntheticCalls {

	static final int AGENTS = 200;

	static final String[] QUEUES = ("billing support sales retention technical orders returns delivery accounts "
			+ "payments loyalty claims insurance mobile broadband tv energy business premium complaints")
		.split(" ");

	static final Instant FIRST_START = Instant.parse("2025-12-01T00:00:00Z");

	static final Duration PERIOD = Duration.ofDays(365);

	/** Roughly by frequency in call-center speech, most frequent first: the head of the Zipf ranking. */
	static final List<String> CORE = List.of(("i you the to and a it that is my for your can we have this be on "
			+ "so will just what do know me okay yes no not with there are was at if of get account all like right "
			+ "let one call about please thank order number can't need help would now see that's it's i'm you're "
			+ "here go card time back payment want check going could refund two week phone today email sure address "
			+ "bill charge service make name just also again day then from any they them out up our us how when "
			+ "send new had did been by as or but well really sorry issue problem system customer money minutes "
			+ "credit three month last next line information date price plan pay tomorrow cancel subscription "
			+ "delivery manager transfer password reset code update confirm verify details contract fee charged "
			+ "twice wrong item package tracking box store online app website login error message hold moment "
			+ "wait still received receive sent ship shipping arrive arrived late days hours morning afternoon "
			+ "evening monday tuesday wednesday thursday friday weekend address postcode street city balance "
			+ "statement invoice discount offer deal upgrade downgrade renewal renew expire expired mobile data "
			+ "internet connection router speed slow outage engineer technician appointment visit replacement "
			+ "replace broken damaged faulty return label collect courier warehouse stock available unavailable "
			+ "price promise policy terms complaint escalate supervisor department team colleague note case "
			+ "reference ticket follow email text confirmation security question birth mother maiden last four "
			+ "digits bank direct debit automatic monthly annual yearly cost extra free trial cancelled "
			+ "cancellation refunded refunds charges bills delivered deliver ordered orders payments accounts "
			+ "calling called calls helped helping thanks appreciate understand frustrating disappointed happy "
			+ "great perfect wonderful absolutely definitely exactly actually basically unfortunately").split(" "));

	/** Phrases either party says, inserted whole: the targets of phrase and proximity queries. */
	static final List<String> PHRASES = List.of("thank you for calling", "how can i help you", "call you back",
			"account number", "credit card", "direct debit", "i would like a refund", "cancel my subscription",
			"speak to a manager", "let me transfer you", "bear with me", "is there anything else",
			"have a great day", "reset my password", "tracking number", "within five working days",
			"charged twice", "i am sorry to hear that", "follow up on my case", "personally follow up",
			"the reset link", "within one hour", "a technician will visit", "last four digits",
			"date of birth", "your reference number", "put you on hold", "check the delivery status",
			"send you an email", "confirm your address");

	private static final int TAIL_WORDS = 60_000;

	private static final double ZIPF_EXPONENT = 1.05;

	private static final double ZIPF_SHIFT = 2.7;

	private static final String[] SYLLABLES = ("ba be bi bo bu da de di do du fa fe fi fo ka ke ki ko la le li lo "
			+ "ma me mi mo na ne ni no pa pe pi po ra re ri ro sa se si so ta te ti to va ve vi vo za ze zi zo")
		.split(" ");

	private static final String[] OUTCOMES_IN = { "ANSWERED", "ANSWERED", "ANSWERED", "ANSWERED", "ANSWERED",
			"ANSWERED", "ANSWERED", "ANSWERED", "NOT_QUEUED", "LOST" };

	private final long seed;

	private final List<String> vocabulary;

	private final double[] cumulative;

	SyntheticCalls(long seed) {
		this.seed = seed;
		this.vocabulary = rankedWords();
		this.cumulative = zipf(this.vocabulary.size());
	}

	/** The words by Zipf rank: the core, then the made-up tail. */
	List<String> vocabulary() {
		return this.vocabulary;
	}

	/** The call with that id (1 or more), always the same for this generator's seed. */
	SyntheticCall call(long id) {
		SplittableRandom random = new SplittableRandom(this.seed * 0x9E3779B97F4A7C15L + id);
		int words = 300 + random.nextInt(301);
		List<Utterance> utterances = new ArrayList<>();
		double at = 0.5 + random.nextDouble() * 2;
		int said = 0;
		while (said < words) {
			int length = Math.min(words - said, 4 + random.nextInt(21));
			String speaker = (utterances.size() % 2 == 0) ? "agent" : "customer";
			Utterance utterance = utterance(random, speaker, at, length);
			utterances.add(utterance);
			said += utterance.words().size();
			at = utterance.end() + 0.3 + random.nextDouble() * 1.2;
		}
		double duration = Math.ceil(at + 1 + random.nextDouble() * 5);
		boolean inbound = random.nextInt(100) < 85;
		String outcome = inbound ? OUTCOMES_IN[random.nextInt(OUTCOMES_IN.length)] : "CONNECTED";
		Instant startedAt = FIRST_START.plusSeconds(random.nextLong(PERIOD.toSeconds()));
		Integer qaScore = (random.nextInt(8) == 0) ? (int) Math.max(0, Math.min(100, 78 + random.nextGaussian() * 12))
				: null;
		Integer survey = (random.nextInt(4) == 0) ? 1 + random.nextInt(5) : null;
		return new SyntheticCall(id, agent(random.nextInt(AGENTS)), QUEUES[random.nextInt(QUEUES.length)],
				inbound ? "INBOUND" : "OUTBOUND", String.format("+1555%07d", random.nextInt(10_000_000)), startedAt,
				duration, outcome, qaScore, survey, new Transcript(id, duration, utterances));
	}

	static String agent(int number) {
		return String.format("agent%03d", number);
	}

	/** Words drawn by Zipf rank, one utterance in three holding a stock phrase somewhere. */
	private Utterance utterance(SplittableRandom random, String speaker, double start, int length) {
		List<String> phrase = (random.nextInt(3) == 0)
				? Arrays.asList(PHRASES.get(random.nextInt(PHRASES.size())).split(" ")) : List.of();
		if (phrase.size() >= length) {
			phrase = List.of();
		}
		List<String> texts = new ArrayList<>(length);
		for (int i = phrase.size(); i < length; i++) {
			texts.add(word(random));
		}
		texts.addAll(random.nextInt(texts.size() + 1), phrase);
		List<Word> words = new ArrayList<>(texts.size());
		double at = start;
		for (String text : texts) {
			double end = at + 0.15 + 0.05 * text.length() + random.nextDouble() * 0.1;
			words.add(new Word(text, round(at), round(end), 0.6 + random.nextDouble() * 0.4));
			at = end + random.nextDouble() * 0.12;
		}
		return new Utterance(speaker, words.get(0).start(), words.get(words.size() - 1).end(), String.join(" ", texts),
				words);
	}

	private static double round(double seconds) {
		return Math.round(seconds * 100) / 100.0;
	}

	private String word(SplittableRandom random) {
		int rank = Arrays.binarySearch(this.cumulative, random.nextDouble());
		return this.vocabulary.get(Math.min((rank < 0) ? -rank - 1 : rank, this.vocabulary.size() - 1));
	}

	private static double[] zipf(int size) {
		double[] cumulative = new double[size];
		double sum = 0;
		for (int rank = 0; rank < size; rank++) {
			sum += 1 / Math.pow(rank + ZIPF_SHIFT, ZIPF_EXPONENT);
			cumulative[rank] = sum;
		}
		for (int rank = 0; rank < size; rank++) {
			cumulative[rank] /= sum;
		}
		return cumulative;
	}

	/** The core words (once each), then made-up words of two to four syllables in a fixed pseudo-random order. */
	private static List<String> rankedWords() {
		Set<String> words = new LinkedHashSet<>(CORE);
		SplittableRandom random = new SplittableRandom(7);
		while (words.size() < CORE.size() + TAIL_WORDS) {
			StringBuilder word = new StringBuilder();
			int syllables = 2 + random.nextInt(3);
			for (int i = 0; i < syllables; i++) {
				word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
			}
			words.add(word.toString());
		}
		return List.copyOf(words);
	}

	/**
	 * One synthetic call with its metadata; scores are null for calls never evaluated or surveyed.
	 */
	record SyntheticCall(long id, String agent, String queue, String direction, String callerNumber,
			Instant startedAt, double durationSec, String outcome, @Nullable Integer qaScore,
			@Nullable Integer surveyScore, Transcript transcript) {

		/** What the server indexes for this call (the one place to follow when IndexedCall changes). */
		IndexedCall indexed() {
			// Every synthetic call is recorded (it has a transcript); none asked for a callback.
			return new IndexedCall(this.id, this.agent, this.queue, this.direction, this.callerNumber,
					this.startedAt, this.durationSec, this.outcome, this.transcript,
					new IndexedCall.Facts(true, (this.qaScore != null) ? this.qaScore.doubleValue() : null,
							this.surveyScore, false));
		}

		String text() {
			return this.transcript.text();
		}

	}

}
