package io.callqa.transcription.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import io.callqa.transcription.Transcript;
import io.callqa.transcription.Utterance;

/**
 * One file's outcome, written as one JSON line: {@code file, text, durationSec, words[{word,start,end,conf,speaker}]}
 * or {@code file, error}. With alternatives asked for, every word also has {@code alternatives}: what the recogniser
 * almost heard instead, best first, often none.
 */
record FileResult(Path file, double audioSec, List<Utterance> utterances, @Nullable String error) {

	private static final JsonMapper json = JsonMapper.builder().build();

	static FileResult of(Path file, double audioSec, List<Utterance> utterances) {
		return new FileResult(file, audioSec, utterances, null);
	}

	static FileResult failed(Path file, Exception ex) {
		return new FileResult(file, 0, List.of(), (ex.getMessage() != null) ? ex.getMessage() : ex.toString());
	}

	boolean failed() {
		return this.error != null;
	}

	/** @param alternatives whether to write each word's alternatives (asked for on the command line) */
	String toJson(boolean alternatives) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("file", this.file.toString());
		if (this.error != null) {
			line.put("error", this.error);
			return json.writeValueAsString(line);
		}
		Transcript transcript = new Transcript(0, this.audioSec, this.utterances);
		line.put("text", transcript.text());
		line.put("durationSec", Math.round(this.audioSec * 1000) / 1000.0);
		line.put("words", transcript.utterances().stream().flatMap((u) -> words(u, alternatives)).toList());
		return json.writeValueAsString(line);
	}

	private static java.util.stream.Stream<Map<String, Object>> words(Utterance utterance, boolean alternatives) {
		return utterance.words().stream().map((word) -> {
			Map<String, Object> w = new LinkedHashMap<>();
			w.put("word", word.word());
			w.put("start", word.start());
			w.put("end", word.end());
			w.put("conf", word.conf());
			w.put("speaker", utterance.speaker());
			if (alternatives) {
				w.put("alternatives", word.alternatives());
			}
			return w;
		});
	}

}
