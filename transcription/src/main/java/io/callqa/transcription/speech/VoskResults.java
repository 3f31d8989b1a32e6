package io.callqa.transcription.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.callqa.transcription.Utterance;
import io.callqa.transcription.Word;

/**
 * Reads Vosk's JSON results ({@code {"result":[{"word","start","end","conf"}...],"text":...}}).
 */
final class VoskResults {

	private static final JsonMapper json = JsonMapper.builder().build();

	private VoskResults() {
	}

	/** The utterance in one result, or empty when Vosk heard no words. */
	static Optional<Utterance> utterance(String speaker, String result) {
		List<Word> words = words(json.readTree(result).path("result"));
		if (words.isEmpty()) {
			return Optional.empty();
		}
		String text = String.join(" ", words.stream().map(Word::word).toList());
		return Optional.of(new Utterance(speaker, words.get(0).start(), words.get(words.size() - 1).end(), text, words));
	}

	private static List<Word> words(JsonNode result) {
		List<Word> words = new ArrayList<>(result.size());
		for (JsonNode word : result) {
			words.add(new Word(word.path("word").asString(), word.path("start").asDouble(), word.path("end").asDouble(),
					word.path("conf").asDouble()));
		}
		return words;
	}

}
