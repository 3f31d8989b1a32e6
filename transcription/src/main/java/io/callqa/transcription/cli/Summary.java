package io.callqa.transcription.cli;

import java.util.List;
import java.util.Locale;

/**
 * The throughput line printed on stderr: audio seconds, wall seconds and the real-time factor (audio / wall).
 */
final class Summary {

	private Summary() {
	}

	static String of(List<FileResult> results, long wallNanos, CliOptions options) {
		double audio = results.stream().mapToDouble(FileResult::audioSec).sum();
		double wall = wallNanos / 1e9;
		long failed = results.stream().filter(FileResult::failed).count();
		String line = String.format(Locale.ROOT,
				"files=%d failed=%d audioSec=%.1f wallSec=%.2f realTimeFactor=%.2fx threads=%d mode=%s", results.size(),
				failed, audio, wall, audio / wall, options.threads(), options.baseline() ? "baseline" : "pipeline");
		// Said only when on: they double the recognition's CPU, so the real-time factor is not comparable without.
		return (options.alternatives() > 0) ? line + " alternatives=" + options.alternatives() : line;
	}

}
