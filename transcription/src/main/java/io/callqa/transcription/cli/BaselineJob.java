package io.callqa.transcription.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.callqa.transcription.audio.PcmSource;
import io.callqa.transcription.speech.VoskTranscriber;

/**
 * The benchmark baseline: every file is decoded and resampled into memory before the clock starts, so only the raw
 * recogniser is timed. Comparing it with {@link PipelineJob} shows what the pipeline adds.
 */
final class BaselineJob implements FileJob {

	private final VoskTranscriber transcriber;

	private final CliOptions options;

	private final Map<Path, Decoded> decoded = new ConcurrentHashMap<>();

	BaselineJob(VoskTranscriber transcriber, CliOptions options) {
		this.transcriber = transcriber;
		this.options = options;
		options.files().forEach((file) -> this.decoded.put(file, decode(file)));
	}

	@Override
	public FileResult run(Path file) {
		Decoded audio = this.decoded.get(file);
		if (audio.error() != null) {
			return FileResult.failed(file, audio.error());
		}
		try {
			return FileResult.of(file, audio.seconds(), this.transcriber.transcribeDecoded(audio.blocks(),
					this.options.channelMap()));
		}
		catch (IOException | RuntimeException ex) {
			return FileResult.failed(file, ex);
		}
	}

	private static Decoded decode(Path file) {
		try (PcmSource source = PcmSource.open(file, 16000)) {
			List<short[][]> blocks = new ArrayList<>();
			for (short[][] block = source.read(); block != null; block = source.read()) {
				blocks.add(block);
			}
			return new Decoded(blocks, source.secondsRead(), null);
		}
		catch (IOException | RuntimeException ex) {
			return new Decoded(List.of(), 0, ex);
		}
	}

	private record Decoded(List<short[][]> blocks, double seconds, Exception error) {
	}

}
