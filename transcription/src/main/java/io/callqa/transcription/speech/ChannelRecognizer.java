package io.callqa.transcription.speech;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.vosk.Recognizer;

import io.callqa.transcription.Utterance;
import io.callqa.transcription.Word;

/**
 * One channel's recognizer and the utterances it has produced so far. Resumed from a checkpoint, it skips the samples
 * before the checkpoint's offset, keeps its utterances, and shifts the times of new ones by the offset (Vosk counts
 * from the first sample it is given).
 *
 * <p>With alternatives, a second recognizer is given the same samples with {@code setMaxAlternatives}: a recognizer
 * with alternatives gives no per-word confidence (the call page shows it) and its best alternative is the lattice's
 * best path, not the MBR words of one without (they shared 92.7 % of the words in AlternativesCostBenchmark), so the
 * first keeps the transcript as it is without alternatives, and the second's n-best words are attached to its words
 * by time. It doubles the recognition CPU (each costs the same). Both decode the same audio with the same model and
 * endpointing, so they normally end an utterance on the same samples; the second is read first, and n-best words of
 * an utterance it ends later than the first are not attached.
 */
final class ChannelRecognizer implements AutoCloseable {

	private final String speaker;

	private final Recognizer recognizer;

	/** The n-best recognizer, or null without alternatives. */
	private final @Nullable Recognizer alternatives;

	/** The n-best words of the utterances the n-best recognizer has ended and the first not yet. */
	private final List<NBest.Heard> heard = new ArrayList<>();

	private final int sampleRate;

	private final List<Utterance> utterances = new ArrayList<>();

	/** The first sample this recognizer is given; everything before it is covered by the checkpoint. */
	private final long start;

	/** Samples of this channel seen so far, skipped ones included. */
	private long position;

	/** {@link #position} at the last final result: a checkpoint reaches that far. */
	private long lastFinal;

	ChannelRecognizer(String speaker, SpeechModel model, Checkpoint.Channel resume) throws IOException {
		this(speaker, model, resume, 0);
	}

	/** @param alternatives the n-best size, 0 for none */
	ChannelRecognizer(String speaker, SpeechModel model, Checkpoint.Channel resume, int alternatives)
			throws IOException {
		this.speaker = speaker;
		this.sampleRate = model.sampleRate();
		this.recognizer = new Recognizer(model.model(), model.sampleRate());
		this.recognizer.setWords(true);
		if (alternatives > 0) {
			try {
				this.alternatives = new Recognizer(model.model(), model.sampleRate());
				this.alternatives.setMaxAlternatives(alternatives);
				this.alternatives.setWords(true);
			}
			catch (IOException | RuntimeException ex) {
				this.recognizer.close();
				throw ex;
			}
		}
		else {
			this.alternatives = null;
		}
		this.start = resume.samples();
		this.lastFinal = resume.samples();
		this.utterances.addAll(resume.utterances());
	}

	void accept(short[] samples) {
		int from = (int) Math.min(samples.length, Math.max(0, this.start - this.position));
		this.position += samples.length;
		if (from == samples.length) {
			return;
		}
		short[] fed = (from == 0) ? samples : Arrays.copyOfRange(samples, from, samples.length);
		if (this.alternatives != null && this.alternatives.acceptWaveForm(fed, fed.length)) {
			this.heard.addAll(NBest.words(this.alternatives.getResult()));
		}
		if (this.recognizer.acceptWaveForm(fed, fed.length)) {
			add(this.recognizer.getResult());
			this.lastFinal = this.position;
		}
	}

	List<Utterance> finish() {
		if (this.alternatives != null) {
			this.heard.addAll(NBest.words(this.alternatives.getFinalResult()));
		}
		add(this.recognizer.getFinalResult());
		return this.utterances;
	}

	/** This channel's progress as of its last final result. */
	Checkpoint.Channel checkpoint() {
		return new Checkpoint.Channel(this.lastFinal, this.utterances);
	}

	private void add(String json) {
		VoskResults.utterance(this.speaker, json).map(this::withAlternatives).map(this::shifted)
			.ifPresent(this.utterances::add);
	}

	/** The utterance's words with the n-best words heard so far attached; those heard up to its end are used up. */
	private Utterance withAlternatives(Utterance utterance) {
		if (this.alternatives == null) {
			return utterance;
		}
		List<Word> words = NBest.aligned(utterance.words(), this.heard);
		this.heard.removeIf((word) -> word.start() < utterance.end());
		return new Utterance(utterance.speaker(), utterance.start(), utterance.end(), utterance.text(), words);
	}

	private Utterance shifted(Utterance utterance) {
		if (this.start == 0) {
			return utterance;
		}
		double offset = (double) this.start / this.sampleRate;
		List<Word> words = utterance.words()
			.stream()
			.map((word) -> new Word(word.word(), shift(word.start(), offset), shift(word.end(), offset), word.conf(),
					word.alternatives()))
			.toList();
		return new Utterance(utterance.speaker(), shift(utterance.start(), offset), shift(utterance.end(), offset),
				utterance.text(), words);
	}

	private static double shift(double seconds, double offset) {
		return Math.round((seconds + offset) * 1000) / 1000.0;
	}

	@Override
	public void close() {
		this.recognizer.close();
		if (this.alternatives != null) {
			this.alternatives.close();
		}
	}

}
