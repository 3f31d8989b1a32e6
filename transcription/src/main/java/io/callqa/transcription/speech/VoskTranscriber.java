package io.callqa.transcription.speech;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.vosk.Recognizer;

import io.callqa.transcription.Utterance;
import io.callqa.transcription.audio.PcmSource;

/**
 * Transcribes with Vosk: the file is streamed, resampled to the model's rate, and fed to one {@link Recognizer} per
 * channel. Recognizers are not thread-safe, so each call makes its own; the model is shared.
 */
public final class VoskTranscriber implements Transcriber {

	private final SpeechModel model;

	public VoskTranscriber(SpeechModel model) {
		this.model = model;
	}

	@Override
	public Recognition transcribe(Path audio, List<String> channelMap) throws IOException {
		try (PcmSource source = PcmSource.open(audio, this.model.sampleRate())) {
			List<ChannelRecognizer> channels = recognizers(source.channels(), channelMap);
			try {
				for (short[][] block = source.read(); block != null; block = source.read()) {
					accept(channels, block);
				}
				return new Recognition(source.info(), source.secondsRead(), finish(channels),
						source.truncation().orElse(null));
			}
			finally {
				channels.forEach(ChannelRecognizer::close);
			}
		}
	}

	/**
	 * Recognises audio that is already decoded and resampled (blocks as {@link PcmSource#read()} returns them): the
	 * raw recogniser cost, without file reading, for benchmarks.
	 */
	public List<Utterance> transcribeDecoded(List<short[][]> blocks, List<String> channelMap) throws IOException {
		int count = blocks.isEmpty() ? 1 : blocks.get(0).length;
		List<ChannelRecognizer> channels = recognizers(count, channelMap);
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

	private List<ChannelRecognizer> recognizers(int count, List<String> channelMap) throws IOException {
		List<ChannelRecognizer> channels = new ArrayList<>(count);
		try {
			for (int c = 0; c < count; c++) {
				channels.add(new ChannelRecognizer(speaker(c, count, channelMap), this.model));
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
