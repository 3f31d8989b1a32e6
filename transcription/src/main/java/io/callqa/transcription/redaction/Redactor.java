package io.callqa.transcription.redaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.callqa.transcription.Utterance;
import io.callqa.transcription.Word;
import io.callqa.transcription.speech.Checkpoint;

/**
 * Replaces what the detector found with its label, and masks what a checkpoint must not keep.
 */
public final class Redactor {

	/** What a checkpoint's masked number words become if they turn out not to be part of anything found. */
	static final String NUMBER = "[number]";

	private Redactor() {
	}

	/** The utterances in the order the detector and the stored transcript number them (by start, stable). */
	public static List<Utterance> inOrder(List<Utterance> utterances) {
		return utterances.stream().sorted(Comparator.comparingDouble(Utterance::start)).toList();
	}

	/**
	 * The utterances with each span's words replaced by one word, its label, carrying their times (one per utterance
	 * the span reaches into), with confidence 1 and nothing else of the words; the text follows. Placeholders left by a
	 * checkpoint's masking that are part of nothing found become {@code [number]}.
	 * @param utterances in {@link #inOrder} order, as given to the detector
	 */
	public static List<Utterance> replace(List<Utterance> utterances, List<Span> spans) {
		Map<Span.WordAt, Span> of = new HashMap<>();
		spans.forEach((span) -> span.words().forEach((at) -> of.put(at, span)));
		List<Utterance> result = new ArrayList<>(utterances.size());
		for (int u = 0; u < utterances.size(); u++) {
			Utterance utterance = utterances.get(u);
			List<Word> words = new ArrayList<>();
			@Nullable String open = null;
			for (int w = 0; w < utterance.words().size(); w++) {
				Word word = utterance.words().get(w);
				Span span = of.get(new Span.WordAt(u, w));
				String label = (span != null) ? span.label()
						: word.word().startsWith(NumberWords.PLACEHOLDER) ? NUMBER : null;
				if (label == null) {
					// A word next to a span keeps its text but not what the recogniser almost heard at its time (its
					// n-best alternatives, which may be a digit of the span): the 4-argument word has none.
					words.add(near(spans, word)
							? new Word(word.word(), word.start(), word.end(), word.conf()) : word);
					open = null;
				}
				else if (label.equals(open)) {
					Word previous = words.remove(words.size() - 1);
					words.add(new Word(label, previous.start(), word.end(), 1.0));
				}
				else {
					words.add(new Word(label, word.start(), word.end(), 1.0));
					open = label;
				}
			}
			boolean changed = !words.equals(utterance.words());
			String text = changed ? String.join(" ", words.stream().map(Word::word).toList()) : utterance.text();
			result.add(new Utterance(utterance.speaker(), utterance.start(), utterance.end(), text, words));
		}
		return result;
	}

	/**
	 * Seconds around a span in which a kept word loses its alternatives, on every channel: one party's voice echoes
	 * into the other's, whose recogniser may have almost heard the digits.
	 */
	private static final double NEAR_SEC = 0.5;

	private static boolean near(List<Span> spans, Word word) {
		return spans.stream()
			.anyMatch((s) -> word.end() >= s.start() - NEAR_SEC
					&& word.start() <= s.end() + NEAR_SEC);
	}

	/**
	 * A checkpoint fit to be stored in redact mode: what is found in it so far replaced, and every number word said
	 * within {@code lookaheadSec} of where the slowest channel got to replaced by a placeholder ({@code [digits:N]}),
	 * because the rest of its number may still be coming. A resumed transcription reads placeholders as unknown
	 * digits, so a card number cut by the checkpoint is still found whole.
	 */
	public static Checkpoint mask(Checkpoint checkpoint, RedactionDetector detector, double lookaheadSec) {
		List<Utterance> all = new ArrayList<>();
		List<Integer> channelOf = new ArrayList<>();
		double horizon = Double.MAX_VALUE;
		for (int c = 0; c < checkpoint.channels().size(); c++) {
			Checkpoint.Channel channel = checkpoint.channels().get(c);
			horizon = Math.min(horizon, channel.samples() / (double) checkpoint.sampleRate());
			for (Utterance utterance : channel.utterances()) {
				all.add(utterance);
				channelOf.add(c);
			}
		}
		// Keep each utterance's channel through the sort.
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			order.add(i);
		}
		order.sort(Comparator.comparingDouble((i) -> all.get(i).start()));
		List<Utterance> sorted = order.stream().map(all::get).toList();
		List<Utterance> replaced = replace(sorted, detector.find(sorted));
		List<List<Utterance>> channels = new ArrayList<>();
		checkpoint.channels().forEach((c) -> channels.add(new ArrayList<>()));
		for (int k = 0; k < replaced.size(); k++) {
			channels.get(channelOf.get(order.get(k))).add(replaced.get(k));
		}
		List<Checkpoint.Channel> masked = new ArrayList<>();
		for (int c = 0; c < channels.size(); c++) {
			masked.add(new Checkpoint.Channel(checkpoint.channels().get(c).samples(),
					maskOpenNumbers(channels.get(c), horizon - lookaheadSec, lookaheadSec)));
		}
		return new Checkpoint(checkpoint.sampleRate(), masked);
	}

	/**
	 * A channel's utterances with every number that reaches {@code cut} or later masked whole, back to its first word
	 * (a number goes on across utterances while its words are at most {@code gap} apart).
	 */
	private static List<Utterance> maskOpenNumbers(List<Utterance> utterances, double cut, double gap) {
		List<int[]> positions = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		for (int u = 0; u < utterances.size(); u++) {
			for (int w = 0; w < utterances.get(u).words().size(); w++) {
				positions.add(new int[] { u, w });
				texts.add(RedactionDetector.normal(utterances.get(u).words().get(w).word()));
			}
		}
		java.util.function.IntFunction<Word> word = (i) -> utterances.get(positions.get(i)[0])
			.words()
			.get(positions.get(i)[1]);
		Map<Integer, Integer> digitsOf = new HashMap<>();
		int i = 0;
		while (i < texts.size()) {
			if (!NumberWords.isNumberWord(texts.get(i), false)) {
				i++;
				continue;
			}
			int last = i;
			int j = i + 1;
			while (j < texts.size() && word.apply(j).start() - word.apply(j - 1).end() <= gap) {
				if (NumberWords.isNumberWord(texts.get(j), false)) {
					last = j;
				}
				else if (!RedactionDetector.FILLERS.contains(texts.get(j))
						&& !NumberWords.HOMOPHONES.containsKey(texts.get(j))) {
					break;
				}
				j++;
			}
			if (word.apply(last).end() >= cut) {
				int[] count = new int[last - i + 1];
				NumberWords.digits(texts.subList(i, last + 1), false).forEach((d) -> count[d.word()]++);
				for (int k = i; k <= last; k++) {
					if (count[k - i] > 0 || NumberWords.isNumberWord(texts.get(k), false)) {
						digitsOf.put(k, count[k - i]);
					}
				}
			}
			i = last + 1;
		}
		if (digitsOf.isEmpty()) {
			return utterances;
		}
		List<Utterance> result = new ArrayList<>();
		int flat = 0;
		for (Utterance utterance : utterances) {
			List<Word> words = new ArrayList<>();
			for (Word w : utterance.words()) {
				Integer digits = digitsOf.get(flat++);
				boolean placeholder = w.word().startsWith(NumberWords.PLACEHOLDER);
				words.add((digits == null || placeholder) ? w
						: new Word(NumberWords.PLACEHOLDER + digits + "]", w.start(), w.end(), 1.0));
			}
			result.add(words.equals(utterance.words()) ? utterance : new Utterance(utterance.speaker(),
					utterance.start(), utterance.end(), String.join(" ", words.stream().map(Word::word).toList()), words));
		}
		return result;
	}

}
