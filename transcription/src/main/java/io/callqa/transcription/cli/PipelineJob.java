package io.callqa.transcription.cli;

import java.io.IOException;
import java.nio.file.Path;

import io.callqa.transcription.speech.Recognition;
import io.callqa.transcription.speech.VoskTranscriber;

/**
 * The whole pipeline, as the server runs it: read, decode, resample and recognise.
 */
final class PipelineJob implements FileJob {

	private final VoskTranscriber transcriber;

	private final CliOptions options;

	PipelineJob(VoskTranscriber transcriber, CliOptions options) {
		this.transcriber = transcriber;
		this.options = options;
	}

	@Override
	public FileResult run(Path file) {
		try {
			Recognition recognition = this.transcriber.transcribe(file, this.options.channelMap());
			return FileResult.of(file, recognition.audioSec(), recognition.utterances());
		}
		catch (IOException | RuntimeException ex) {
			return FileResult.failed(file, ex);
		}
	}

}
