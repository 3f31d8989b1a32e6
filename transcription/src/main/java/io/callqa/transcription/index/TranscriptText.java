package io.callqa.transcription.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.util.BytesRef;

import io.callqa.transcription.Transcript;
import io.callqa.transcription.Utterance;
import io.callqa.transcription.Word;

/**
 * A transcript laid out for indexing: the combined text written from the recognised words (so every word's offset is
 * known), what each speaker said utterance by utterance, the words' alternatives by offset in each, and the encoded
 * {@link WordTimes}.
 */
final class TranscriptText {

	private final StringBuilder text = new StringBuilder();

	private final Map<String, List<Said>> bySpeaker = new LinkedHashMap<>();

	/** Per start offset in {@link #text} of a word that has alternatives, its alternatives. */
	private final Map<Integer, List<String>> alternatives = new HashMap<>();

	private final WordTimes.Builder times = new WordTimes.Builder();

	private TranscriptText() {
	}

	static TranscriptText of(Transcript transcript) throws IOException {
		TranscriptText layout = new TranscriptText();
		for (Utterance utterance : transcript.utterances()) {
			layout.add(utterance.speaker(), wordsOf(utterance));
		}
		return layout;
	}

	/**
	 * The utterance's words; an utterance with text but no word timings (not from Vosk) gets its text's words, each
	 * timed as the whole utterance, so it is still searchable and playable from the utterance's start.
	 */
	static List<Word> wordsOf(Utterance utterance) {
		if (!utterance.words().isEmpty() || utterance.text().isBlank()) {
			return utterance.words();
		}
		return Arrays.stream(utterance.text().trim().split("\\s+"))
			.map((word) -> new Word(word, utterance.start(), utterance.end(), 1.0))
			.toList();
	}

	private void add(String speaker, List<Word> words) throws IOException {
		StringBuilder said = new StringBuilder();
		Map<Integer, List<String>> alternatives = new HashMap<>();
		for (Word word : words) {
			if (!word.word().isBlank()) {
				if (!said.isEmpty()) {
					said.append(' ');
				}
				if (!word.alternatives().isEmpty()) {
					alternatives.put(said.length(), word.alternatives());
				}
				said.append(word.word());
				append(word, speaker);
			}
		}
		if (!said.isEmpty()) {
			this.bySpeaker.computeIfAbsent(speaker, (key) -> new ArrayList<>())
				.add(new Said(said.toString(), alternatives));
		}
	}

	private void append(Word word, String speaker) throws IOException {
		if (!this.text.isEmpty()) {
			this.text.append(' ');
		}
		this.times.add(this.text.length(), word, speaker);
		if (!word.alternatives().isEmpty()) {
			this.alternatives.put(this.text.length(), word.alternatives());
		}
		this.text.append(word.word());
	}

	/** Everything said, one space between words; {@link WordTimes} offsets point into this string. */
	String text() {
		return this.text.toString();
	}

	/** Each speaker's utterances, in time order. */
	Map<String, List<Said>> bySpeaker() {
		return this.bySpeaker;
	}

	/** Per start offset in {@link #text()} of a word that has alternatives, its alternatives. */
	Map<Integer, List<String>> alternatives() {
		return this.alternatives;
	}

	/** Whether any word has alternatives: only then are the alternatives' fields indexed. */
	boolean hasAlternatives() {
		return !this.alternatives.isEmpty();
	}

	/** An utterance's text and, per start offset in it of a word that has alternatives, its alternatives. */
	record Said(String text, Map<Integer, List<String>> alternatives) {
	}

	BytesRef wordTimes() throws IOException {
		return this.times.encode();
	}

}
