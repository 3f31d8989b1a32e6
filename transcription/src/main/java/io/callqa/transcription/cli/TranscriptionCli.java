package io.callqa.transcription.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.callqa.transcription.speech.SpeechModel;
import io.callqa.transcription.speech.VoskTranscriber;

/**
 * {@code java -jar transcription-cli.jar [--threads N] FILE...}: one JSON line per file on stdout, a throughput
 * summary on stderr. Exit status 0 if every file was transcribed, 1 if any failed, 2 for a bad command line.
 * Package-private: the {@code java} launcher runs a main class whatever its access (the jar's manifest names it),
 * and no code calls it.
 */
final class TranscriptionCli {

	private TranscriptionCli() {
	}

	public static void main(String[] args) throws Exception {
		System.exit(run(System.out, System.err, args));
	}

	static int run(PrintStream out, PrintStream err, String... args) throws IOException, InterruptedException {
		CliOptions options;
		try {
			options = CliOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			err.println(CliOptions.USAGE);
			return 2;
		}
		try (SpeechModel model = SpeechModel.load(options.model(), cacheDir(), 16000)) {
			// The server's transcriber (see JobsConfiguration), so that alternatives are found and aligned as there.
			return transcribe(options, new VoskTranscriber(model, options.alternatives()), out, err);
		}
	}

	private static int transcribe(CliOptions options, VoskTranscriber transcriber, PrintStream out, PrintStream err)
			throws InterruptedException {
		FileJob job = options.baseline() ? new BaselineJob(transcriber, options) : new PipelineJob(transcriber, options);
		ExecutorService pool = Executors.newFixedThreadPool(options.threads());
		long started = System.nanoTime();
		try {
			List<Future<FileResult>> futures = new ArrayList<>();
			options.files().forEach((file) -> futures.add(pool.submit(() -> job.run(file))));
			List<FileResult> results = new ArrayList<>();
			for (Future<FileResult> future : futures) {
				results.add(get(future));
				out.println(results.get(results.size() - 1).toJson(options.alternatives() > 0));
			}
			err.println(Summary.of(results, System.nanoTime() - started, options));
			return results.stream().anyMatch(FileResult::failed) ? 1 : 0;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static FileResult get(Future<FileResult> future) throws InterruptedException {
		try {
			return future.get();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

	private static Path cacheDir() {
		return Path.of(System.getProperty("user.home"), ".cache", "callqa", "models");
	}

}
