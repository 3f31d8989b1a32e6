package io.callqa.transcription.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The command line: {@code [--threads N] [--model DIR] [--channels agent,customer] [--alternatives N] [--baseline]
 * FILE...}.
 *
 * @param alternatives how many n-best alternatives to ask Vosk for, as {@code callqa.transcription.alternatives}
 * does for the server; 0 (the default) for none
 * @param baseline time the raw recogniser on pre-decoded audio instead of the whole pipeline (for benchmarks)
 */
record CliOptions(int threads, @Nullable Path model, List<String> channelMap, int alternatives, boolean baseline,
		List<Path> files) {

	static final String USAGE = "usage: java -jar transcription-cli.jar [--threads N] [--model DIR] "
			+ "[--channels agent,customer] [--alternatives N] [--baseline] FILE...";

	static CliOptions parse(String... args) {
		int threads = Runtime.getRuntime().availableProcessors();
		Path model = null;
		List<String> channelMap = List.of();
		int alternatives = 0;
		boolean baseline = false;
		List<Path> files = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--threads" -> threads = number(args, ++i, "--threads", 1);
				case "--model" -> model = Path.of(value(args, ++i, "--model"));
				case "--channels" -> channelMap = Arrays.asList(value(args, ++i, "--channels").split(","));
				case "--alternatives" -> alternatives = number(args, ++i, "--alternatives", 0);
				case "--baseline" -> baseline = true;
				default -> files.add(file(args[i]));
			}
		}
		if (files.isEmpty()) {
			throw new IllegalArgumentException("no files given");
		}
		return new CliOptions(threads, model, channelMap, alternatives, baseline, files);
	}

	private static String value(String[] args, int i, String option) {
		if (i >= args.length) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return args[i];
	}

	private static int number(String[] args, int i, String option, int min) {
		String value = value(args, i, option);
		try {
			int n = Integer.parseInt(value);
			if (n >= min) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(
				option + " needs a " + ((min > 0) ? "positive" : "non-negative") + " number, not '" + value + "'");
	}

	private static Path file(String arg) {
		if (arg.startsWith("--")) {
			throw new IllegalArgumentException("unknown option " + arg);
		}
		return Path.of(arg);
	}

}
