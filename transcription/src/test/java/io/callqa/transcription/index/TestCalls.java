package io.callqa.transcription.index;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.callqa.transcription.Transcript;
import io.callqa.transcription.Utterance;
import io.callqa.transcription.Word;

/**
 * A small fixed set of calls with known words and times, for the index tests.
 */
final class TestCalls {

	/** Seconds between the starts of two words. */
	static final double WORD_SECONDS = 0.45;

	/** Where the long call says "escalate to my manager", far past the highlighter's default 10,000 chars. */
	static final int ESCALATE_AT = 1800;

	private static final String[] FILLER = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima "
			+ "mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu")
		.split(" ");

	private TestCalls() {
	}

	static List<IndexedCall> all() {
		return List.of(refund(), callBack(), refused(), longCall(), silent(), markup());
	}

	/** Alice's support call: the customer asks for a refund, the agent promises one within a week. */
	static IndexedCall refund() {
		return call(1, "alice", "support", "2026-01-10T09:00:00Z", 120, transcript(1,
				said("agent", 1.0, "thank you for calling how can i help"),
				said("customer", 6.0, "i was charged twice for my order and i want a refund"),
				said("agent", 14.0, "i am sorry i will issue a refund within a week"),
				said("customer", 22.0, "great thank you")));
	}

	/** Bob's sales call: the customer says next week, the agent will call back on monday. */
	static IndexedCall callBack() {
		return call(2, "bob", "sales", "2026-01-11T10:00:00Z", 300, transcript(2,
				said("agent", 0.5, "hello i am calling about your subscription renewal"),
				said("customer", 5.0, "please call me back next week"),
				said("agent", 9.0, "sure i will call you back on monday")));
	}

	/** Alice's sales call, a mono recording. */
	static IndexedCall refused() {
		return call(3, "alice", "sales", "2026-01-12T11:00:00Z", 45,
				transcript(3, said("mixed", 2.0, "refund refused the refunding policy says no")));
	}

	/** Carol's billing call of 2,000 words. */
	static IndexedCall longCall() {
		return call(4, "carol", "billing", "2026-01-13T12:00:00Z", 900, new Transcript(4, 900, longUtterances()));
	}

	static IndexedCall silent() {
		return call(5, "dave", "support", "2026-01-14T13:00:00Z", 30, new Transcript(5, 30, List.of()));
	}

	/** Words that are HTML, as no recogniser would write them. */
	static IndexedCall markup() {
		return call(6, "erin", "billing", "2026-01-15T14:00:00Z", 60,
				transcript(6, said("agent", 1.0, "tom & jerry <i>cartoon</i> fans")));
	}

	static IndexedCall call(long id, String agent, String queue, String startedAt, double durationSec,
			Transcript transcript) {
		return new IndexedCall(id, agent, queue, "INBOUND", "+15550100", Instant.parse(startedAt), durationSec,
				"resolved", transcript);
	}

	static Transcript transcript(long callId, Utterance... utterances) {
		return new Transcript(callId, 60, List.of(utterances));
	}

	/** An utterance whose words start {@link #WORD_SECONDS} apart from {@code start}. */
	static Utterance said(String speaker, double start, String text) {
		String[] words = text.split(" ");
		List<Word> timed = new ArrayList<>();
		for (int i = 0; i < words.length; i++) {
			timed.add(new Word(words[i], start + i * WORD_SECONDS, start + i * WORD_SECONDS + 0.4, 0.9));
		}
		return new Utterance(speaker, start, timed.get(timed.size() - 1).end(), text, timed);
	}

	/** 100 utterances of 20 words, agent and customer in turn. */
	private static List<Utterance> longUtterances() {
		List<String> words = new ArrayList<>();
		for (int i = 0; i < 2000; i++) {
			words.add(FILLER[i % FILLER.length]);
		}
		List<String> phrase = Arrays.asList("escalate", "to", "my", "manager");
		for (int i = 0; i < phrase.size(); i++) {
			words.set(ESCALATE_AT + i, phrase.get(i));
		}
		List<Utterance> utterances = new ArrayList<>();
		for (int u = 0; u < 100; u++) {
			String speaker = (u % 2 == 0) ? "agent" : "customer";
			utterances.add(said(speaker, u * 20 * WORD_SECONDS, String.join(" ", words.subList(u * 20, u * 20 + 20))));
		}
		return utterances;
	}

	/** The {@code occurrence}-th (0-based) word {@code word} of the call, whoever said it. */
	static Word word(IndexedCall call, String word, int occurrence) {
		return call.transcript()
			.utterances()
			.stream()
			.flatMap((utterance) -> utterance.words().stream())
			.filter((candidate) -> candidate.word().equals(word))
			.skip(occurrence)
			.findFirst()
			.orElseThrow();
	}

}
