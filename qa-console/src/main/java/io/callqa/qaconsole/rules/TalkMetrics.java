package io.callqa.qaconsole.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.callqa.transcription.Transcript;
import io.callqa.transcription.Utterance;
import io.callqa.transcription.Word;

/**
 * Who talked when, from the transcript's word times: the longest dead air, talk-over, the agent's share of the talk
 * and speed. Speech is the recognised words' time spans; a pause shorter than {@link #PAUSE} inside one speaker's
 * speech is still speech (breathing between words is not silence and does not end a turn).
 */
final class TalkMetrics {

	/** Pauses within one party's speech shorter than this are part of it. */
	static final double PAUSE = 0.5;

	/** Both parties speaking for less than this (a "mhm" under the other's sentence) is not talk-over. */
	static final double MIN_OVERLAP = 0.5;

	static final String AGENT = "agent";

	static final String CUSTOMER = "customer";

	private final int words;

	private final boolean twoParty;

	private final List<Span> all;

	private final List<Span> agent;

	private final List<Span> customer;

	private final int agentWords;

	private final double end;

	private TalkMetrics(int words, boolean twoParty, List<Span> all, List<Span> agent, List<Span> customer,
			int agentWords, double end) {
		this.words = words;
		this.twoParty = twoParty;
		this.all = all;
		this.agent = agent;
		this.customer = customer;
		this.agentWords = agentWords;
		this.end = end;
	}

	static TalkMetrics of(Transcript transcript) {
		List<Span> all = new ArrayList<>();
		List<Span> agent = new ArrayList<>();
		List<Span> customer = new ArrayList<>();
		int words = 0;
		int agentWords = 0;
		boolean twoParty = false;
		double end = transcript.audioSec();
		for (Utterance utterance : transcript.utterances()) {
			String speaker = utterance.speaker().toLowerCase(Locale.ROOT);
			for (Span span : spans(utterance)) {
				words++;
				all.add(span);
				end = Math.max(end, span.end());
				if (speaker.equals(AGENT)) {
					agent.add(span);
					agentWords++;
					twoParty = true;
				}
				else if (speaker.equals(CUSTOMER)) {
					customer.add(span);
					twoParty = true;
				}
			}
		}
		return new TalkMetrics(words, twoParty, merged(all, 0), merged(agent, PAUSE), merged(customer, PAUSE),
				agentWords, end);
	}

	/** Each recognised word's span; an utterance with text but no word times is one span. */
	private static List<Span> spans(Utterance utterance) {
		List<Span> spans = new ArrayList<>();
		for (Word word : utterance.words()) {
			if (!word.word().isBlank()) {
				spans.add(new Span(word.start(), Math.max(word.start(), word.end())));
			}
		}
		if (spans.isEmpty() && !utterance.text().isBlank()) {
			spans.add(new Span(utterance.start(), utterance.end()));
		}
		return spans;
	}

	/** The spans sorted and joined where they overlap or are less than {@code pause} apart. */
	private static List<Span> merged(List<Span> spans, double pause) {
		List<Span> sorted = new ArrayList<>(spans);
		sorted.sort(Comparator.comparingDouble(Span::start));
		List<Span> merged = new ArrayList<>();
		for (Span span : sorted) {
			Span last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (last != null && span.start() - last.end() < pause) {
				merged.set(merged.size() - 1, new Span(last.start(), Math.max(last.end(), span.end())));
			}
			else {
				merged.add(span);
			}
		}
		return merged;
	}

	/** Whether any word was recognised. */
	boolean hasWords() {
		return this.words > 0;
	}

	/** Whether the recording has the agent and the customer apart (a channel each), rather than mixed. */
	boolean twoParty() {
		return this.twoParty;
	}

	boolean customerSpoke() {
		return !this.customer.isEmpty();
	}

	boolean agentSpoke() {
		return !this.agent.isEmpty();
	}

	/** The end of the call: the recording's length, or the last word's end if later. */
	double end() {
		return this.end;
	}

	/**
	 * The longest stretch in which nobody speaks, between the first and the last word (before the first word the
	 * recording may still be ringing or connecting); null with fewer than two stretches of speech.
	 */
	@Nullable Span longestSilence() {
		Span longest = null;
		for (int i = 1; i < this.all.size(); i++) {
			Span gap = new Span(this.all.get(i - 1).end(), this.all.get(i).start());
			if (longest == null || gap.length() > longest.length()) {
				longest = gap;
			}
		}
		return longest;
	}

	/**
	 * Every stretch of at least {@link #MIN_OVERLAP} in which both parties speak, with who started talking into the
	 * other's speech (the one whose turn began later).
	 */
	List<Overlap> overlaps() {
		List<Overlap> overlaps = new ArrayList<>();
		int a = 0;
		int c = 0;
		while (a < this.agent.size() && c < this.customer.size()) {
			Span agentTurn = this.agent.get(a);
			Span customerTurn = this.customer.get(c);
			double start = Math.max(agentTurn.start(), customerTurn.start());
			double stop = Math.min(agentTurn.end(), customerTurn.end());
			if (stop - start >= MIN_OVERLAP) {
				String by = (agentTurn.start() >= customerTurn.start()) ? AGENT : CUSTOMER;
				overlaps.add(new Overlap(new Span(start, stop), by));
			}
			if (agentTurn.end() < customerTurn.end()) {
				a++;
			}
			else {
				c++;
			}
		}
		return overlaps;
	}

	/** Seconds in which anyone speaks (pauses under {@link #PAUSE} within a party's speech count as speech). */
	double talkSeconds() {
		return seconds(merged(concat(this.agent, this.customer), 0));
	}

	double agentSeconds() {
		return seconds(this.agent);
	}

	double customerSeconds() {
		return seconds(this.customer);
	}

	int agentWords() {
		return this.agentWords;
	}

	/** The agent's words per minute of their own speech; null if they said nothing. */
	@Nullable Double agentWordsPerMinute() {
		double seconds = agentSeconds();
		return (seconds > 0) ? this.agentWords * 60 / seconds : null;
	}

	private static List<Span> concat(List<Span> first, List<Span> second) {
		List<Span> both = new ArrayList<>(first);
		both.addAll(second);
		return both;
	}

	private static double seconds(List<Span> spans) {
		return spans.stream().mapToDouble(Span::length).sum();
	}

	/** A stretch of the recording, in seconds. */
	record Span(double start, double end) {

		double length() {
			return this.end - this.start;
		}

	}

	/** Both parties speaking, and who talked into whose speech. */
	record Overlap(Span span, String by) {
	}

}
