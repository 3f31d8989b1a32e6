package io.callqa.transcription.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The command line: {@code [--threads N] [--model DIR] [--channels agent,customer] [--baseline] FILE...}.
 *
 * @param baseline time the raw recogniser on pre-decoded audio instead of the whole pipeline (for benchmarks)
 */
record CliOptions(int threads, @Nullable Path model, List<String> channelMap, boolean baseline, List<Path> files) {

	static final String USAGE = "usage: java -jar transcription-cli.jar [--threads N] [--model DIR] "
			+ "[--channels agent,customer] [--baseline] FILE...";

	static CliOptions parse(String... args) {
		int threads = Runtime.getRuntime().availableProcessors();
		Path model = null;
		List<String> channelMap = List.of();
		boolean baseline = false;
		List<Path> files = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--threads" -> threads = positive(value(args, ++i, "--threads"));
				case "--model" -> model = Path.of(value(args, ++i, "--model"));
				case "--channels" -> channelMap = Arrays.asList(value(args, ++i, "--channels").split(","));
				case "--baseline" -> baseline = true;
				default -> files.add(file(args[i]));
			}
		}
		if (files.isEmpty()) {
			throw new IllegalArgumentException("no files given");
		}
		return new CliOptions(threads, model, channelMap, baseline, files);
	}

	private static String value(String[] args, int i, String option) {
		if (i >= args.length) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return args[i];
	}

	private static int positive(String value) {
		try {
			int n = Integer.parseInt(value);
			if (n > 0) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException("--threads needs a positive number, not '" + value + "'");
	}

	private static Path file(String arg) {
		if (arg.startsWith("--")) {
			throw new IllegalArgumentException("unknown option " + arg);
		}
		return Path.of(arg);
	}

}
