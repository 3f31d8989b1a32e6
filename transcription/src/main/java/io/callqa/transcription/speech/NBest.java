package io.callqa.transcription.speech;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.callqa.transcription.Word;

/**
 * Vosk's n-best alternatives of an utterance ({@code setMaxAlternatives}), and how their words are attached to the
 * 1-best words: by time, since the alternatives of one stretch of speech split it into words differently. Public for
 * SearchRecallBenchmark, which attaches a cached n-best pass the same way.
 */
public final class NBest {

	/** More alternatives than this per word are kept out: the n-best rarely gives more, and they would add noise. */
	static final int MAX_PER_WORD = 4;

	private static final JsonMapper json = JsonMapper.builder().build();

	/** A word the recognizer can emit: not its unknown-word marker. */
	private static final Pattern WORD = Pattern.compile("[a-z][a-z']*");

	private NBest() {
	}

	/** A word of one alternative, with the alternative's rank (0 is the best). */
	public record Heard(String word, double start, double end, int rank) {
	}

	/**
	 * The words of every alternative in a result of a recognizer with alternatives
	 * ({@code {"alternatives":[{"confidence","result":[{"word","start","end"}],"text"}]}}), best alternative first.
	 */
	static List<Heard> words(String result) {
		List<Heard> words = new ArrayList<>();
		int rank = 0;
		for (JsonNode alternative : json.readTree(result).path("alternatives")) {
			for (JsonNode word : alternative.path("result")) {
				words.add(new Heard(word.path("word").asString(), word.path("start").asDouble(),
						word.path("end").asDouble(), rank));
			}
			rank++;
		}
		return words;
	}

	/**
	 * The 1-best words, each with the alternatives' words heard at its time: a different word overlapping it by at
	 * least half the shorter of the two, in the order of their alternatives' ranks, at most {@link #MAX_PER_WORD}.
	 */
	public static List<Word> aligned(List<Word> best, List<Heard> heard) {
		List<Word> aligned = new ArrayList<>(best.size());
		for (Word word : best) {
			Set<String> alternatives = new LinkedHashSet<>();
			for (Heard other : heard) {
				if (alternatives.size() < MAX_PER_WORD && !other.word().equals(word.word())
						&& WORD.matcher(other.word()).matches() && overlaps(word, other)) {
					alternatives.add(other.word());
				}
			}
			aligned.add(alternatives.isEmpty() ? word : word.withAlternatives(List.copyOf(alternatives)));
		}
		return aligned;
	}

	private static boolean overlaps(Word word, Heard other) {
		double overlap = Math.min(word.end(), other.end()) - Math.max(word.start(), other.start());
		return overlap > 0 && overlap >= 0.5 * Math.min(word.end() - word.start(), other.end() - other.start());
	}

}
