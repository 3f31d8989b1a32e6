package io.callqa.transcription.speech;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.vosk.Recognizer;

import io.callqa.transcription.Utterance;

/**
 * One channel's recognizer and the utterances it has produced so far.
 */
final class ChannelRecognizer implements AutoCloseable {

	private final String speaker;

	private final Recognizer recognizer;

	private final List<Utterance> utterances = new ArrayList<>();

	ChannelRecognizer(String speaker, SpeechModel model) throws IOException {
		this.speaker = speaker;
		this.recognizer = new Recognizer(model.model(), model.sampleRate());
		this.recognizer.setWords(true);
	}

	void accept(short[] samples) {
		if (this.recognizer.acceptWaveForm(samples, samples.length)) {
			add(this.recognizer.getResult());
		}
	}

	List<Utterance> finish() {
		add(this.recognizer.getFinalResult());
		return this.utterances;
	}

	private void add(String json) {
		VoskResults.utterance(this.speaker, json).ifPresent(this.utterances::add);
	}

	@Override
	public void close() {
		this.recognizer.close();
	}

}
