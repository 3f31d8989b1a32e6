package io.callqa.transcription.speech;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.vosk.Recognizer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.callqa.transcription.audio.PcmSource;

/**
 * Prints (does not assert) what Vosk's n-best alternatives cost on real audio, and whether one recognizer could give
 * them with everything the transcript needs: recognition CPU time (this thread's) of a recognizer as the transcriber
 * runs it (word times and per-word confidence, Vosk's MBR decoding) against one with {@code setMaxAlternatives(5)},
 * whose results carry no per-word confidence and whose best alternative is the lattice's best path rather than the
 * MBR words; and how often the two 1-best transcripts agree, against how often two runs of the recognizer as the
 * transcriber runs it agree (Vosk is not repeatable run to run). Audio: the recall benchmark's rendered calls
 * ({@code target/recall/audio-*}, made by SearchRecallBenchmark; {@code -Dbench.calls=1,5,9} picks calls, 8 of them
 * by default) if present, else the bundled fixtures.
 */
@Tag("bench")
class AlternativesCostBenchmark {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	@Test
	void printRecognitionCostWithAndWithoutAlternatives() throws Exception {
		List<Path> files = files();
		Assumptions.assumeFalse(files.isEmpty(), "no audio");
		try (SpeechModel model = SpeechModel.load(null, Path.of("target/test-data/models"), 16000)) {
			// warm up the model's pages
			run(model, files.get(0), 0);
			long[] cpu = new long[3];
			double audio = 0;
			int words = 0;
			int same = 0;
			int again = 0;
			int wordsWithConf = 0;
			for (Path file : files) {
				Run plain = run(model, file, 0);
				Run alternatives = run(model, file, 5);
				Run plainAgain = run(model, file, 0);
				cpu[0] += plain.cpuNanos;
				cpu[1] += alternatives.cpuNanos;
				cpu[2] += plainAgain.cpuNanos;
				audio += plain.audioSec;
				words += plain.words.size();
				same += lcs(plain.words, alternatives.words);
				again += lcs(plain.words, plainAgain.words);
				wordsWithConf += alternatives.confs;
			}
			System.out.printf("%n%d files, %.0f s of audio%n", files.size(), audio);
			System.out.printf("recognizer as today (words + conf, MBR): %.1f s CPU (%.3f x real time)%n", cpu[0] / 1e9,
					cpu[0] / 1e9 / audio);
			System.out.printf("recognizer with setMaxAlternatives(5):   %.1f s CPU (%.3f x real time), %+.0f%%%n",
					cpu[1] / 1e9, cpu[1] / 1e9 / audio, 100.0 * (cpu[1] - cpu[0]) / cpu[0]);
			System.out.printf("recognizer as today, second run:        %.1f s CPU; words in common with the first run "
					+ "(LCS): %d (%.1f%%)%n", cpu[2] / 1e9, again, 100.0 * again / words);
			System.out.printf("1-best words as today: %d; in common with the best alternative (LCS): %d (%.1f%%); "
					+ "words of alternatives with a per-word conf: %d%n", words, same, 100.0 * same / words,
					wordsWithConf);
		}
	}

	private static List<Path> files() throws IOException {
		Path recall = Path.of("target/recall");
		if (Files.isDirectory(recall)) {
			try (Stream<Path> dirs = Files.list(recall)) {
				Path audio = dirs.filter((dir) -> dir.getFileName().toString().startsWith("audio-")).findFirst().orElse(null);
				if (audio != null) {
					try (Stream<Path> wavs = Files.list(audio)) {
						// a quarter of the calls by default, both renderings
						String calls = System.getProperty("bench.calls", "1,5,9,13,17,21,25,29").replace(',', '|');
						return wavs.filter((wav) -> wav.getFileName().toString().matches("call-(" + calls + ")-.*\\.wav"))
							.sorted()
							.toList();
					}
				}
			}
		}
		Path fixtures = Path.of("src/test/resources/audio");
		return List.of(fixtures.resolve("conversation-stereo-8k.wav"), fixtures.resolve("conversation-8k.wav"));
	}

	private record Run(long cpuNanos, double audioSec, List<String> words, int confs) {
	}

	private static Run run(SpeechModel model, Path file, int alternatives) throws IOException {
		List<short[][]> blocks = new ArrayList<>();
		double audioSec;
		try (PcmSource source = PcmSource.open(file, model.sampleRate())) {
			for (short[][] block = source.read(); block != null; block = source.read()) {
				blocks.add(block);
			}
			audioSec = source.secondsRead() * source.channels();
		}
		int channels = blocks.get(0).length;
		List<String> words = new ArrayList<>();
		int[] confs = new int[1];
		long started = threads.getCurrentThreadCpuTime();
		for (int c = 0; c < channels; c++) {
			try (Recognizer recognizer = new Recognizer(model.model(), model.sampleRate())) {
				recognizer.setWords(true);
				if (alternatives > 0) {
					recognizer.setMaxAlternatives(alternatives);
				}
				for (short[][] block : blocks) {
					if (recognizer.acceptWaveForm(block[c], block[c].length)) {
						collect(recognizer.getResult(), words, confs);
					}
				}
				collect(recognizer.getFinalResult(), words, confs);
			}
		}
		return new Run(threads.getCurrentThreadCpuTime() - started, audioSec, words, confs[0]);
	}

	private static void collect(String result, List<String> words, int[] confs) {
		JsonNode root = json.readTree(result);
		JsonNode best = root.has("alternatives") ? root.path("alternatives").path(0) : root;
		for (JsonNode word : best.path("result")) {
			words.add(word.path("word").asString());
			if (word.has("conf") && root.has("alternatives")) {
				confs[0]++;
			}
		}
	}

	private static int lcs(List<String> a, List<String> b) {
		int[][] table = new int[a.size() + 1][b.size() + 1];
		for (int i = 1; i <= a.size(); i++) {
			for (int j = 1; j <= b.size(); j++) {
				table[i][j] = a.get(i - 1).equals(b.get(j - 1)) ? table[i - 1][j - 1] + 1
						: Math.max(table[i - 1][j], table[i][j - 1]);
			}
		}
		return table[a.size()][b.size()];
	}

}
