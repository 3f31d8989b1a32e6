package io.callqa.transcription.redaction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.callqa.transcription.Utterance;
import io.callqa.transcription.Word;
import io.callqa.transcription.speech.SpeechModel;
import io.callqa.transcription.speech.VoskTranscriber;

/**
 * Redaction recall on recognised speech: the scripted payment calls of {@code redaction/calls.txt} (card numbers read
 * digit by digit, in groups, with "oh", "double"/"triple", in pairs, Amex and Diners grouping, read back by the agent;
 * several espeak-ng voices and speeds; 8 kHz) rendered by {@code audio/make-redaction-calls.sh} per party (agent
 * left, customer right) and, for some, mixed to mono, transcribed by the real Vosk pipeline, then run through the
 * detector with three card policies. A reading of a number is fully covered when the redacted seconds (padded as in
 * production) cover at least 95 % of its speech, partially when some of it, missed otherwise; "words left" counts
 * number words of the reading still in the redacted transcript. Calls without a card number count false redactions.
 *
 * <p>Audio and transcripts are cached in {@code target/redaction-recall/} (keyed by the scripts and the model), so
 * reruns only detect. Without espeak-ng and sox it is skipped with a message. Run:
 * {@code mvn -B -ntp -Pbench -pl transcription -am verify -Dtest=RedactionRecallBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dredaction.verbose=true} prints what was heard beside each miss).
 */
@Tag("bench")
class RedactionRecallBenchmark {

	private static final Path RESOURCES = Path.of("src/test/resources");

	private static final Path CALLS = RESOURCES.resolve("redaction/calls.txt");

	private static final Path RENDER = RESOURCES.resolve("audio/make-redaction-calls.sh");

	private static final Path WORK = Path.of("target/redaction-recall");

	/** Calls also transcribed from their mono rendering (all are transcribed per party). */
	private static final Set<Integer> MONO = Set.of(1, 3, 6, 8, 11, 13, 31, 35);

	private static final JsonMapper json = JsonMapper.builder().build();

	/** A scripted call: its truth and its turns. */
	record Call(int id, String card, String how, List<String> turns) {
	}

	/** One transcribed rendering of a call. */
	record Document(Call call, boolean mono) {

		String key() {
			return this.call.id() + (this.mono ? "-mono" : "-stereo");
		}

	}

	@Test
	void printRecallPerPolicyAndWayOfReading() throws Exception {
		Assumptions.assumeTrue(onPath("espeak-ng") && onPath("sox"),
				"RedactionRecallBenchmark skipped: espeak-ng and sox are needed to speak the scripted calls");
		List<Call> calls = calls();
		String key = key();
		Path audio = render(key);
		List<Document> documents = new ArrayList<>();
		for (Call call : calls) {
			documents.add(new Document(call, false));
			if (MONO.contains(call.id())) {
				documents.add(new Document(call, true));
			}
		}
		Map<String, List<Utterance>> transcripts = transcripts(audio, documents, key);
		RedactionProperties defaults = RedactionProperties.defaults();
		RedactionProperties.Card card = defaults.card();
		Map<String, RedactionProperties> policies = new LinkedHashMap<>();
		policies.put("Luhn only",
				withCard(defaults, new RedactionProperties.Card(card.contextWords(), card.context(), 0, 0, 0)));
		policies.put("Luhn, or 12+ digits after a card word",
				withCard(defaults, new RedactionProperties.Card(card.contextWords(), card.context(), 12, 0, 0)));
		policies.put("... or any 13+ digits",
				withCard(defaults, new RedactionProperties.Card(card.contextWords(), card.context(), 12, 13, 0)));
		policies.put("default: ... or 8+ number words, half of a stretch, after a card word", defaults);
		System.out.printf("%n%d calls (%d with a card number), %d transcribed documents (per party, %d also mono)%n",
				calls.size(), calls.stream().filter((c) -> !c.card().equals("none")).count(), documents.size(),
				MONO.size());
		System.out.printf("%n| policy | readings | full | partial | missed | full recall | number words left in text"
				+ " | false redactions (calls without a card: spans / calls) |%n|---|---|---|---|---|---|---|---|%n");
		Map<String, int[]> byWay = new LinkedHashMap<>();
		boolean verbose = Boolean.getBoolean("redaction.verbose");
		for (Map.Entry<String, RedactionProperties> policy : policies.entrySet()) {
			RedactionDetector detector = new RedactionDetector(policy.getValue());
			boolean last = policy.getValue() == defaults;
			int readings = 0;
			int full = 0;
			int partial = 0;
			int missed = 0;
			int wordsLeft = 0;
			int falseSpans = 0;
			int falseCalls = 0;
			for (Document doc : documents) {
				List<Utterance> utterances = Redactor.inOrder(transcripts.get(doc.key()));
				List<Span> spans = detector.find(utterances);
				if (doc.call().card().equals("none")) {
					falseSpans += spans.size();
					falseCalls += spans.isEmpty() ? 0 : 1;
					if (last && verbose && !spans.isEmpty()) {
						spans.forEach((s) -> System.out.printf("  false %s: %s \"%s\"%n", doc.key(), s.kind(), s.heard()));
					}
					continue;
				}
				List<Utterance> redacted = Redactor.replace(utterances, spans);
				double[][] times = times(audio, doc.call().id());
				for (int t = 0; t < doc.call().turns().size(); t++) {
					if (!readsTheNumber(doc.call().turns().get(t))) {
						continue;
					}
					readings++;
					double[] speech = Speech.extent(audio.resolve("call-" + doc.call().id() + "-stereo.wav"),
							doc.call().turns().get(t).startsWith("a") ? 0 : 1, times[t][0], times[t][1]);
					double covered = covered(spans, speech[0], speech[1], seconds(defaults.audioPadding()));
					int left = numberWordsIn(redacted, speech[0] - 0.5, speech[1] + 0.5);
					wordsLeft += left;
					String way = doc.call().how() + (doc.call().turns().get(t).startsWith("a") ? " (agent reading back)" : "")
							+ (doc.mono() ? ", mono" : ", per party");
					int[] tally = last ? byWay.computeIfAbsent(way, (w) -> new int[4]) : new int[4];
					tally[0]++;
					if (covered >= 0.95) {
						full++;
						tally[1]++;
					}
					else if (covered > 0) {
						partial++;
						tally[2]++;
					}
					else {
						missed++;
						tally[3]++;
					}
					if (last && verbose && covered < 0.95) {
						System.out.printf("  %s %s covered %.0f %%: heard \"%s\"%n", doc.key(), way, covered * 100,
								heard(utterances, speech[0] - 0.5, speech[1] + 0.5));
					}
				}
			}
			System.out.printf("| %s | %d | %d | %d | %d | %.0f %% | %d | %d / %d |%n", policy.getKey(), readings, full,
					partial, missed, 100.0 * full / readings, wordsLeft, falseSpans, falseCalls);
		}
		System.out.printf("%nDefault policy, by way of reading:%n%n| reading | n | full | partial | missed |%n"
				+ "|---|---|---|---|---|%n");
		byWay.forEach((way, t) -> System.out.printf("| %s | %d | %d | %d | %d |%n", way, t[0], t[1], t[2], t[3]));
	}

	private static RedactionProperties withCard(RedactionProperties p, RedactionProperties.Card card) {
		return new RedactionProperties(p.mode(), p.runGap(), p.audioPadding(), card, p.securityCode(), p.patterns(),
				p.defaultPatterns());
	}

	private static double seconds(Duration d) {
		return d.toMillis() / 1000.0;
	}

	/** A turn that reads a number: at least 7 number words (pairs and "triple" take fewer words than digits). */
	private static boolean readsTheNumber(String turn) {
		long numbers = List.of(turn.substring(2).replace(",", " ").trim().split("\\s+"))
			.stream()
			.filter((w) -> NumberWords.isNumberWord(w, false))
			.count();
		return numbers >= 7;
	}

	/** The share of [from, to] covered by the spans, each padded. */
	private static double covered(List<Span> spans, double from, double to, double pad) {
		int steps = 1000;
		int in = 0;
		for (int i = 0; i < steps; i++) {
			double t = from + (to - from) * (i + 0.5) / steps;
			if (spans.stream().anyMatch((s) -> t >= s.start() - pad && t <= s.end() + pad)) {
				in++;
			}
		}
		return in / (double) steps;
	}

	private static int numberWordsIn(List<Utterance> utterances, double from, double to) {
		int n = 0;
		for (Utterance u : utterances) {
			for (Word w : u.words()) {
				if (w.start() >= from && w.end() <= to && NumberWords.isNumberWord(RedactionDetector.normal(w.word()), false)) {
					n++;
				}
			}
		}
		return n;
	}

	private static String heard(List<Utterance> utterances, double from, double to) {
		List<String> words = new ArrayList<>();
		utterances.forEach((u) -> u.words()
			.stream()
			.filter((w) -> w.start() >= from && w.end() <= to)
			.forEach((w) -> words.add(u.speaker().charAt(0) + ":" + w.word())));
		return String.join(" ", words);
	}

	// ---- the scripts, rendering and transcription (cached)

	private static List<Call> calls() throws IOException {
		List<Call> calls = new ArrayList<>();
		int id = -1;
		String card = "none";
		String how = "";
		List<String> turns = new ArrayList<>();
		for (String line : Files.readAllLines(CALLS)) {
			if (line.startsWith("call ")) {
				if (id >= 0) {
					calls.add(new Call(id, card, how, turns));
				}
				id = Integer.parseInt(line.split(" ")[1]);
				card = "none";
				how = "";
				turns = new ArrayList<>();
			}
			else if (line.startsWith("# card: ")) {
				String[] parts = line.substring(8).split(" ");
				card = parts[0];
				how = (parts.length > 1) ? parts[1] : "";
			}
			else if (line.startsWith("a: ") || line.startsWith("c: ")) {
				turns.add(line);
			}
		}
		if (id >= 0) {
			calls.add(new Call(id, card, how, turns));
		}
		return calls;
	}

	private static String key() throws IOException, NoSuchAlgorithmException {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		digest.update(Files.readAllBytes(CALLS));
		digest.update(Files.readAllBytes(RENDER));
		return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
	}

	private static Path render(String key) throws IOException, InterruptedException {
		Path audio = WORK.resolve("audio-" + key);
		if (Files.isRegularFile(audio.resolve("done"))) {
			return audio;
		}
		Process process = new ProcessBuilder("bash", RENDER.toString(), CALLS.toString(), audio.toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.INHERIT)
			.start();
		if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
			throw new IOException("make-redaction-calls.sh failed");
		}
		Files.writeString(audio.resolve("done"), "");
		return audio;
	}

	/** Each turn's start and end second, from the renderer. */
	private static double[][] times(Path audio, int call) throws IOException {
		return Files.readAllLines(audio.resolve("call-" + call + ".times"))
			.stream()
			.map((line) -> line.split(" "))
			.map((p) -> new double[] { Double.parseDouble(p[1]), Double.parseDouble(p[2]) })
			.toArray(double[][]::new);
	}

	private static Map<String, List<Utterance>> transcripts(Path audio, List<Document> documents, String key)
			throws IOException {
		Files.createDirectories(WORK);
		Path cache = WORK.resolve("transcripts-" + key + ".json");
		Map<String, List<Utterance>> transcripts = new LinkedHashMap<>();
		if (Files.isRegularFile(cache)) {
			transcripts.putAll(json.readValue(cache.toFile(), new TypeReference<LinkedHashMap<String, List<Utterance>>>() {
			}));
		}
		if (documents.stream().allMatch((d) -> transcripts.containsKey(d.key()))) {
			return transcripts;
		}
		long started = System.nanoTime();
		try (SpeechModel model = SpeechModel.load(null, Path.of("target/test-data/models"), 16000)) {
			VoskTranscriber transcriber = new VoskTranscriber(model);
			for (Document doc : documents) {
				if (transcripts.containsKey(doc.key())) {
					continue;
				}
				Path file = audio.resolve("call-" + doc.key() + ".wav");
				List<String> channels = doc.mono() ? List.of() : List.of("agent", "customer");
				transcripts.put(doc.key(), transcriber.transcribe(file, channels).utterances());
				// Saved after each file: a long first run cut short goes on where it stopped.
				json.writeValue(cache.toFile(), transcripts);
			}
		}
		System.out.printf("Transcribed in %.0f s%n", (System.nanoTime() - started) / 1e9);
		return transcripts;
	}

	private static boolean onPath(String command) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
			if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
				return true;
			}
		}
		return false;
	}

	/** Where the speech of a turn is: its first and last loud sample on its channel. */
	static final class Speech {

		static double[] extent(Path stereo, int channel, double from, double to) throws IOException {
			short[] samples = RedactionIntegrationTests.Wav.channels(stereo)[channel];
			int a = (int) (from * 8000);
			int b = Math.min(samples.length, (int) (to * 8000));
			int first = -1;
			int lastLoud = -1;
			for (int i = a; i < b; i++) {
				if (Math.abs(samples[i]) > 500) {
					first = (first < 0) ? i : first;
					lastLoud = i;
				}
			}
			return (first < 0) ? new double[] { from, to } : new double[] { first / 8000.0, lastLoud / 8000.0 };
		}

	}

}
