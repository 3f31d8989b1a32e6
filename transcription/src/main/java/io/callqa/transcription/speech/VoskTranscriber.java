package io.callqa.transcription.speech;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.vosk.Recognizer;

import io.callqa.transcription.Utterance;
import io.callqa.transcription.audio.PcmSource;

/**
 * Transcribes with Vosk: the file is streamed, resampled to the model's rate, and fed to one {@link Recognizer} per
 * channel (two with alternatives, see {@link ChannelRecognizer}). Recognizers are not thread-safe, so each call makes
 * its own; the model is shared.
 */
public final class VoskTranscriber implements Transcriber {

	private final SpeechModel model;

	private final int alternatives;

	public VoskTranscriber(SpeechModel model) {
		this(model, 0);
	}

	/**
	 * @param alternatives how many n-best alternatives to ask Vosk for, whose words are kept with the words they were
	 * heard instead of ({@link io.callqa.transcription.Word#alternatives()}); 0 for none. Each channel is then
	 * recognised twice, which doubles the recognition's CPU time.
	 */
	public VoskTranscriber(SpeechModel model, int alternatives) {
		if (alternatives < 0) {
			throw new IllegalArgumentException("alternatives must be 0 (none) or more, was " + alternatives);
		}
		this.model = model;
		this.alternatives = alternatives;
	}

	@Override
	public Recognition transcribe(Path audio, List<String> channelMap) throws IOException {
		return transcribe(audio, channelMap, Progress.NONE);
	}

	/**
	 * Resumes from the progress's checkpoint when it fits this file and model, saves a checkpoint every
	 * {@link Progress#checkpointEverySec()} of audio (when a channel got further), and when asked to stop, saves one
	 * last checkpoint and throws {@link TranscriptionStoppedException}. The samples before a checkpoint are read but
	 * not recognised: decoding costs little next to recognition.
	 */
	@Override
	public Recognition transcribe(Path audio, List<String> channelMap, Progress progress) throws IOException {
		try (PcmSource source = PcmSource.open(audio, this.model.sampleRate())) {
			Checkpoint resume = usable(progress.resumeFrom(), source.channels());
			List<ChannelRecognizer> channels = recognizers(source.channels(), channelMap, resume);
			try {
				double saved = (resume != null) ? resume.progressSec() : 0;
				double lastSaveAt = 0;
				for (short[][] block = source.read(); block != null; block = source.read()) {
					accept(channels, block);
					boolean stop = progress.stopRequested();
					if (stop || source.secondsRead() - lastSaveAt >= progress.checkpointEverySec()) {
						lastSaveAt = source.secondsRead();
						saved = save(progress, channels, saved);
					}
					if (stop) {
						throw new TranscriptionStoppedException(source.secondsRead());
					}
				}
				return new Recognition(source.info(), source.secondsRead(), finish(channels),
						source.truncation().orElse(null));
			}
			finally {
				channels.forEach(ChannelRecognizer::close);
			}
		}
	}

	/** Saves a checkpoint if any channel got further than the last one; returns how far the saved one reaches. */
	private double save(Progress progress, List<ChannelRecognizer> channels, double saved) {
		Checkpoint checkpoint = new Checkpoint(this.model.sampleRate(),
				channels.stream().map(ChannelRecognizer::checkpoint).toList());
		if (checkpoint.progressSec() <= saved) {
			return saved;
		}
		progress.save(checkpoint);
		return checkpoint.progressSec();
	}

	private @Nullable Checkpoint usable(@Nullable Checkpoint checkpoint, int channels) {
		if (checkpoint == null || checkpoint.sampleRate() != this.model.sampleRate()
				|| checkpoint.channels().size() != channels) {
			return null;
		}
		return checkpoint;
	}

	/**
	 * Recognises audio that is already decoded and resampled (blocks as {@link PcmSource#read()} returns them): the
	 * raw recogniser cost, without file reading, for benchmarks.
	 */
	public List<Utterance> transcribeDecoded(List<short[][]> blocks, List<String> channelMap) throws IOException {
		int count = blocks.isEmpty() ? 1 : blocks.get(0).length;
		List<ChannelRecognizer> channels = recognizers(count, channelMap, null);
		try {
			blocks.forEach((block) -> accept(channels, block));
			return finish(channels);
		}
		finally {
			channels.forEach(ChannelRecognizer::close);
		}
	}

	@Override
	public String name() {
		return this.model.name();
	}

	private static void accept(List<ChannelRecognizer> channels, short[][] block) {
		for (int c = 0; c < channels.size(); c++) {
			channels.get(c).accept(block[c]);
		}
	}

	private static List<Utterance> finish(List<ChannelRecognizer> channels) {
		List<Utterance> utterances = new ArrayList<>();
		channels.forEach((channel) -> utterances.addAll(channel.finish()));
		return utterances;
	}

	private List<ChannelRecognizer> recognizers(int count, List<String> channelMap, @Nullable Checkpoint resume)
			throws IOException {
		List<ChannelRecognizer> channels = new ArrayList<>(count);
		try {
			for (int c = 0; c < count; c++) {
				Checkpoint.Channel from = (resume != null) ? resume.channels().get(c) : new Checkpoint.Channel(0, List.of());
				channels.add(new ChannelRecognizer(speaker(c, count, channelMap), this.model, from, this.alternatives));
			}
			return channels;
		}
		catch (IOException | RuntimeException ex) {
			channels.forEach(ChannelRecognizer::close);
			throw ex;
		}
	}

	static String speaker(int channel, int channels, List<String> channelMap) {
		if (channel < channelMap.size() && !channelMap.get(channel).isBlank()) {
			return channelMap.get(channel).trim().toLowerCase();
		}
		return (channels == 1) ? "mixed" : "channel" + (channel + 1);
	}

}
