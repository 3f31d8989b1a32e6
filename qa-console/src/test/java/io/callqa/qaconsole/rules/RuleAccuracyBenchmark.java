package io.callqa.qaconsole.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.callqa.qaconsole.promises.PromiseDetection;
import io.callqa.qaconsole.rules.Rule.Kind;
import io.callqa.qaconsole.rules.Rule.Window;
import io.callqa.qaconsole.scoring.DefaultStandardRules;
import io.callqa.transcription.Transcript;
import io.callqa.transcription.Utterance;
import io.callqa.transcription.Word;
import io.callqa.transcription.index.TestTranscriptChecks;
import io.callqa.transcription.speech.SpeechModel;
import io.callqa.transcription.speech.VoskTranscriber;

/**
 * Prints (does not assert) how often the rules and the promise detector decide right on real Vosk transcripts of
 * labelled scripted calls: precision and recall per rule kind (and window) and for promises (found with their kind;
 * due time right). The calls are {@code accuracy/calls/NAME.txt} in the demo conversations' format, spoken by
 * espeak-ng with several voices at 8 kHz by {@code accuracy/make-accuracy-calls.sh} (the demo's renderer), every call
 * per party (stereo) and the calls marked {@code # mono: yes} also mixed to mono. Each script carries its truth:
 * {@code # expect: ITEM=PASS|FAIL|NA ...} where it differs from {@link #DEFAULTS} (for the two-party recording; on
 * mono, rules of one speaker and the talk rules are N/A), {@code # promise: KIND DUE PHRASE} per promise (due in the
 * call's zone, from the call's end: {@code # end:}, default Monday 2026-03-02 10:00 Europe/Berlin).
 *
 * <p>The labels are checked first against the rules run on the script itself (its words spread over each turn's
 * rendered seconds): a label they contradict is printed, since it would measure the labels, not the recogniser.
 *
 * <p>Audio and transcripts are cached in {@code target/accuracy/} per call (keyed by its turns, voices, the renderers
 * and the model), so reruns only score. The first run renders (about 4 minutes) and transcribes on
 * {@code accuracy.threads} threads (default 2; about 20-40 minutes on a busy 2-core machine). Without espeak-ng and
 * sox it is skipped with a message.
 *
 * <pre>
 * mvn -B -ntp -Pbench -pl qa-console -am verify -Dtest=RuleAccuracyBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("bench")
class RuleAccuracyBenchmark {

	private static final Path RESOURCES = Path.of("src/test/resources/accuracy");

	private static final Path CALLS = RESOURCES.resolve("calls");

	private static final Path RENDER = RESOURCES.resolve("make-accuracy-calls.sh");

	private static final Path CONVERSATIONS_RENDER = Path
		.of("../telephony/simulator/src/main/resources/simulator/conversations/make-conversations.sh");

	private static final Path WORK = Path.of("target/accuracy");

	private static final ZonedDateTime DEFAULT_END = ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0,
			ZoneId.of("Europe/Berlin"));

	private static final long DEFAULT_STANDARD = 1;

	private static final long EXTRAS = 2;

	/** The truth of a call that does nothing special, per item, on the two-party recording. */
	static final Map<String, RuleOutcome> DEFAULTS = defaults();

	private static final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/**
	 * Rules beside the default standard's: a FIRST window of its own, an anchor (AFTER, by the customer, within 30 s),
	 * the customer's words, phrase rules of any speaker (which a mono recording can decide) and the agent's share.
	 */
	static RuledScorecard extras() {
		return new RuledScorecard(EXTRAS, 80, List.of(
				item("x.recording", Rule.phrase(Kind.SAID, "recorded", "AGENT", "STEMMED", Window.first(20))),
				item("x.reference", Rule.phrase(Kind.SAID, "\"reference number\"", "AGENT", "TOLERANT",
						Window.after("refund", "CUSTOMER", 30.0))),
				item("x.cancel", Rule.phrase(Kind.SAID, "cancel OR cancellation", "CUSTOMER", "STEMMED", null)),
				item("x.any-rude", Rule.phrase(Kind.NOT_SAID, defaultQuery("forbidden.no-rudeness"), "ANY", "STEMMED",
						null)),
				item("x.any-goodbye", Rule.phrase(Kind.SAID, defaultQuery("closing.thanks"), "ANY", "TOLERANT",
						Window.last(20))),
				item("x.talk-share", new Rule(Kind.AGENT_TALK_SHARE.name(), null, null, null, null, null, null, null,
						null, 0.25, 0.85, null, null))));
	}

	/** The default standard's query of an item, so the "any speaker" variants follow its starter phrases. */
	private static String defaultQuery(String key) {
		return DefaultStandardRules.of(DEFAULT_STANDARD)
			.items()
			.stream()
			.filter((item) -> item.key().equals(key))
			.findFirst()
			.orElseThrow()
			.rule()
			.query();
	}

	private static RuledItem item(String key, Rule rule) {
		return new RuledItem(key, key, 1, 1, false, rule);
	}

	private static Map<String, RuleOutcome> defaults() {
		Map<String, RuleOutcome> truth = new LinkedHashMap<>();
		for (String key : List.of("greeting.welcome", "greeting.company", "greeting.own-name", "forbidden.no-blame",
				"forbidden.no-rudeness", "extra-mile.further-help", "closing.thanks", "flow.no-dead-air",
				"flow.talk-balance", "x.any-rude", "x.any-goodbye", "x.talk-share")) {
			truth.put(key, RuleOutcome.PASS);
		}
		truth.put("empathy.apology", RuleOutcome.NA);
		truth.put("x.recording", RuleOutcome.FAIL);
		truth.put("x.reference", RuleOutcome.NA);
		truth.put("x.cancel", RuleOutcome.FAIL);
		return truth;
	}

	@Test
	void transcribeLabelledCallsAndPrintPrecisionAndRecall() throws Exception {
		Assumptions.assumeTrue(onPath("espeak-ng") && onPath("sox"),
				"RuleAccuracyBenchmark skipped: espeak-ng and sox are needed to speak the labelled calls "
						+ "(apt-get install espeak-ng sox)");
		List<Script> scripts = scripts();
		render(scripts);
		for (Script script : scripts) {
			script.turns.addAll(turns(script));
		}
		List<Doc> docs = new ArrayList<>();
		for (Script script : scripts) {
			docs.add(new Doc(script, false));
			if (script.mono) {
				docs.add(new Doc(script, true));
			}
		}
		AutomaticScoring scoring = new RuleEngine(TestTranscriptChecks.create(),
				(id) -> (id == EXTRAS) ? extras() : DefaultStandardRules.of(id), null);
		Map<String, Rule> rules = new LinkedHashMap<>();
		Stream.concat(DefaultStandardRules.of(DEFAULT_STANDARD).items().stream(), extras().items().stream())
			.forEach((item) -> rules.put(item.key(), item.rule()));
		if (Boolean.getBoolean("accuracy.labelsOnly")) {
			System.out.printf("Labels contradicted by the scripts: %d%n", checkLabels(scoring, docs, rules));
			return;
		}
		Map<Doc, Transcript> transcripts = transcribe(docs);

		System.out.printf("%n%d labelled calls (%d recordings: %d per party, %d mono), %.0f s of audio, %s%n",
				scripts.size(), docs.size(), scripts.size(), docs.size() - scripts.size(),
				docs.stream().mapToDouble((doc) -> transcripts.get(doc).audioSec()).sum(), voices(scripts));
		int contradicted = checkLabels(scoring, docs, rules);
		System.out.printf("Labels checked against the rules on the scripts' own words: %d contradicted%n",
				contradicted);

		Map<String, Tally> rows = new TreeMap<>();
		List<String> misses = new ArrayList<>();
		for (Doc doc : docs) {
			Transcript transcript = transcripts.get(doc);
			Map<String, ItemResult> results = results(scoring, transcript, doc.script);
			for (Map.Entry<String, Rule> entry : rules.entrySet()) {
				String key = entry.getKey();
				Rule rule = entry.getValue();
				RuleOutcome truth = doc.truth(key, rule);
				ItemResult got = results.get(key);
				boolean positiveTruth = truth != RuleOutcome.NA && found(rule, truth);
				boolean positiveGot = got.outcome() != RuleOutcome.NA && found(rule, got.outcome());
				Tally tally = rows.computeIfAbsent(row(rule, doc.mono), (k) -> new Tally());
				tally.add(truth, got.outcome(), positiveTruth, positiveGot);
				rows.computeIfAbsent(total(rule), (k) -> new Tally()).add(truth, got.outcome(), positiveTruth,
						positiveGot);
				if (truth != got.outcome()) {
					misses.add(String.format("  %-26s %-6s %-24s truth %-4s got %-4s %s%n%s", doc.script.name,
							doc.mono ? "mono" : "stereo", key, truth, got.outcome(), got.reason(),
							heard(transcript)));
				}
			}
		}
		System.out.println("\nRules (found = a SAID phrase said / a NOT_SAID phrase said / a timing limit broken;"
				+ " decided = outcome equal to the truth, N/A included):");
		System.out.printf("  %-44s %5s %4s %4s %4s %9s %9s %14s%n", "rule kind (window, speaker) / recording", "cases",
				"TP", "FP", "FN", "precision", "recall", "decided");
		rows.forEach((name, tally) -> System.out.printf("  %-44s %5d %4d %4d %4d %9s %9s %8d/%-5d%n", name,
				tally.cases, tally.tp, tally.fp, tally.fn, percent(tally.tp, tally.tp + tally.fp),
				percent(tally.tp, tally.tp + tally.fn), tally.decided, tally.cases));
		promises(docs, transcripts);
		System.out.printf("%nRule outcomes that differ from the truth (%d):%n", misses.size());
		misses.forEach(System.out::print);
	}

	// ---- the scripts and their truth

	/** A labelled call: its script, truth and (once rendered) its turns' seconds. */
	static final class Script {

		final String name;

		final String voices;

		final boolean mono;

		final ZonedDateTime end;

		final Map<String, RuleOutcome> expect = new LinkedHashMap<>();

		final List<String[]> promises = new ArrayList<>();

		final List<Turn> turns = new ArrayList<>();

		final String audioKey;

		Script(Path file) throws IOException, NoSuchAlgorithmException {
			this.name = file.getFileName().toString().replaceFirst("\\.txt$", "");
			String voicesLine = "";
			boolean monoLine = false;
			ZonedDateTime endLine = DEFAULT_END;
			StringBuilder audio = new StringBuilder();
			for (String line : Files.readAllLines(file)) {
				if (line.startsWith("# voices:")) {
					voicesLine = line.substring(9).trim();
					audio.append(line).append('\n');
				}
				else if (line.startsWith("# mono:")) {
					monoLine = line.substring(7).trim().equals("yes");
				}
				else if (line.startsWith("# end:")) {
					String[] parts = line.substring(6).trim().split(" ");
					endLine = LocalDateTime.parse(parts[0]).atZone(ZoneId.of(parts[1]));
				}
				else if (line.startsWith("# expect:")) {
					for (String pair : line.substring(9).trim().split("\\s+")) {
						String[] kv = pair.split("=");
						if (!DEFAULTS.containsKey(kv[0])) {
							throw new IllegalStateException(this.name + ": no rule " + kv[0]);
						}
						this.expect.put(kv[0], RuleOutcome.valueOf(kv[1]));
					}
				}
				else if (line.startsWith("# promise:")) {
					this.promises.add(line.substring(10).trim().split(" ", 3));
				}
				else if (!line.startsWith("#") && !line.isBlank()) {
					audio.append(line).append('\n');
				}
			}
			this.voices = voicesLine;
			this.mono = monoLine;
			this.end = endLine;
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(audio.toString().getBytes(StandardCharsets.UTF_8));
			digest.update(Files.readAllBytes(RENDER));
			digest.update(Files.readAllBytes(CONVERSATIONS_RENDER));
			this.audioKey = HexFormat.of().formatHex(digest.digest()).substring(0, 12);
		}

	}

	/** A rendered turn: seconds from the answer, speaker, the words as scripted (lower case, no punctuation). */
	record Turn(double start, double end, String speaker, List<String> words) {
	}

	/** One recording of a call: per party, or mixed to mono. */
	record Doc(Script script, boolean mono) {

		String file() {
			return this.script.name + (this.mono ? "-mono" : "-stereo");
		}

		/** The truth for this recording: on mono, what needs the parties apart is N/A. */
		RuleOutcome truth(String key, Rule rule) {
			if (this.mono && (speakerOnly(rule) || rule.parsedKind() == Kind.TALK_OVER
					|| rule.parsedKind() == Kind.AGENT_TALK_SHARE)) {
				return RuleOutcome.NA;
			}
			return this.script.expect.getOrDefault(key, DEFAULTS.get(key));
		}

	}

	private static boolean speakerOnly(Rule rule) {
		boolean speaker = rule.speaker() != null && !rule.speaker().equals("ANY");
		boolean after = rule.window() != null && rule.window().afterSpeaker() != null
				&& !rule.window().afterSpeaker().equals("ANY");
		return speaker || after;
	}

	private static List<Script> scripts() throws IOException, NoSuchAlgorithmException {
		List<Script> scripts = new ArrayList<>();
		try (Stream<Path> files = Files.list(CALLS)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".txt")).sorted().toList()) {
				scripts.add(new Script(file));
			}
		}
		return scripts;
	}

	private static String voices(List<Script> scripts) {
		return "voices " + scripts.stream()
			.flatMap((s) -> Stream.of(s.voices.split(" ")))
			.map((v) -> v.substring(v.indexOf('=') + 1))
			.distinct()
			.sorted()
			.toList();
	}

	private static List<Turn> turns(Script script) throws IOException {
		List<Turn> turns = new ArrayList<>();
		for (String line : Files.readAllLines(WORK.resolve("audio").resolve(script.name + ".times"))) {
			String[] parts = line.split(" ", 4);
			turns.add(new Turn(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), parts[2],
					words(parts[3])));
		}
		return turns;
	}

	static List<String> words(String text) {
		return List.of(text.toLowerCase(Locale.ROOT).replaceAll("[^a-z' ]", " ").trim().split("\\s+"));
	}

	// ---- audio and transcripts, cached per call

	private static void render(List<Script> scripts) throws IOException, InterruptedException {
		Path audio = WORK.resolve("audio");
		List<String> missing = new ArrayList<>();
		for (Script script : scripts) {
			Path stamp = audio.resolve(script.name + ".key");
			if (!Files.isRegularFile(stamp) || !Files.readString(stamp).equals(script.audioKey)) {
				missing.add(script.name);
			}
		}
		if (missing.isEmpty()) {
			return;
		}
		System.out.printf("Rendering %d calls into %s (espeak-ng, sox)%n", missing.size(), audio);
		long started = System.nanoTime();
		List<String> command = new ArrayList<>(List.of("bash", RENDER.toString(), audio.toString()));
		command.addAll(missing);
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.INHERIT)
			.start();
		if (!process.waitFor(20, TimeUnit.MINUTES) || process.exitValue() != 0) {
			throw new IOException("make-accuracy-calls.sh failed");
		}
		for (Script script : scripts) {
			if (missing.contains(script.name)) {
				Files.writeString(audio.resolve(script.name + ".key"), script.audioKey);
			}
		}
		System.out.printf("Rendered in %.0f s%n", (System.nanoTime() - started) / 1e9);
	}

	private static Map<Doc, Transcript> transcribe(List<Doc> docs) throws Exception {
		Map<Doc, Transcript> transcripts = new LinkedHashMap<>();
		Path cacheDir = WORK.resolve("transcripts");
		Files.createDirectories(cacheDir);
		int threads = Integer.getInteger("accuracy.threads", 2);
		try (SpeechModel model = SpeechModel.load(null, Path.of("target/test-data/models"), 16000)) {
			VoskTranscriber transcriber = new VoskTranscriber(model);
			String modelName = model.name().replace(':', '-');
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			long started = System.nanoTime();
			int transcribed = 0;
			try {
				Map<Doc, Future<Transcript>> pending = new LinkedHashMap<>();
				for (Doc doc : docs) {
					Path cache = cacheDir.resolve(doc.file() + "-" + doc.script.audioKey + "-" + modelName + ".json");
					if (Files.isRegularFile(cache)) {
						transcripts.put(doc, json.readValue(cache.toFile(), Transcript.class));
						continue;
					}
					transcribed++;
					pending.put(doc, pool.submit(() -> {
						Path wav = WORK.resolve("audio").resolve(doc.file() + ".wav");
						var recognition = transcriber.transcribe(wav,
								doc.mono ? List.of() : List.of("agent", "customer"));
						Transcript transcript = new Transcript(0, recognition.audioSec(), recognition.utterances());
						json.writeValue(cache.toFile(), transcript);
						return transcript;
					}));
				}
				for (Map.Entry<Doc, Future<Transcript>> entry : pending.entrySet()) {
					transcripts.put(entry.getKey(), entry.getValue().get());
				}
			}
			finally {
				pool.shutdown();
			}
			if (transcribed > 0) {
				System.out.printf("Transcribed %d recordings on %d threads in %.0f s%n", transcribed, threads,
						(System.nanoTime() - started) / 1e9);
			}
		}
		Map<Doc, Transcript> ordered = new LinkedHashMap<>();
		docs.forEach((doc) -> ordered.put(doc, transcripts.get(doc)));
		return ordered;
	}

	// ---- scoring and the labels' check

	private static Map<String, ItemResult> results(AutomaticScoring scoring, Transcript transcript, Script script) {
		CallFacts facts = new CallFacts(1, "agent1", "support", "INBOUND", "ANSWERED", transcript.audioSec(), 12.0,
				null, null);
		Map<String, ItemResult> results = new LinkedHashMap<>();
		Stream.concat(scoring.evaluate(DEFAULT_STANDARD, transcript, facts).items().stream(),
				scoring.evaluate(EXTRAS, transcript, facts).items().stream())
			.forEach((item) -> results.put(item.itemKey(), item));
		return results;
	}

	/**
	 * The rules run on each script's own words (spread evenly over each turn's rendered seconds, less the voice's
	 * lead-in and tail): the labels they contradict, printed.
	 */
	private static int checkLabels(AutomaticScoring scoring, List<Doc> docs, Map<String, Rule> rules) {
		int contradicted = 0;
		for (Doc doc : docs) {
			Transcript script = scripted(doc);
			Map<String, ItemResult> results = results(scoring, script, doc.script);
			for (Map.Entry<String, Rule> entry : rules.entrySet()) {
				RuleOutcome truth = doc.truth(entry.getKey(), entry.getValue());
				ItemResult got = results.get(entry.getKey());
				if (got.outcome() != truth) {
					contradicted++;
					System.out.printf("  label check: %s %s %s labelled %s, the script gives %s: %s%n", doc.file(),
							entry.getKey(), "", truth, got.outcome(), got.reason());
				}
			}
		}
		return contradicted;
	}

	static Transcript scripted(Doc doc) {
		List<Utterance> utterances = new ArrayList<>();
		double audioEnd = 0;
		for (Turn turn : doc.script.turns) {
			double start = turn.start() + 0.1;
			double step = (turn.end() - 0.1 - start) / turn.words().size();
			List<Word> words = new ArrayList<>();
			for (int i = 0; i < turn.words().size(); i++) {
				words.add(new Word(turn.words().get(i), start + i * step, start + (i + 0.8) * step, 1.0));
			}
			String speaker = doc.mono ? "mixed" : turn.speaker();
			utterances.add(new Utterance(speaker, start, words.get(words.size() - 1).end(),
					String.join(" ", turn.words()), words));
			audioEnd = Math.max(audioEnd, turn.end() + 1.0);
		}
		utterances.sort((a, b) -> Double.compare(a.start(), b.start()));
		return new Transcript(0, audioEnd, utterances);
	}

	/** What the rule looks for was found: a SAID phrase said, a NOT_SAID phrase said, a timing limit broken. */
	private static boolean found(Rule rule, RuleOutcome outcome) {
		return (rule.parsedKind() == Kind.SAID) ? outcome == RuleOutcome.PASS : outcome == RuleOutcome.FAIL;
	}

	private static String row(Rule rule, boolean mono) {
		String name = rule.parsedKind().name();
		if (rule.parsedKind().isPhrase()) {
			String window = (rule.window() != null && rule.window().kind() != null) ? rule.window().kind()
					: "ANYWHERE";
			name += " " + window + ", " + ((rule.speaker() != null) ? rule.speaker() : "ANY");
		}
		return name + " / " + (mono ? "mono" : "per party");
	}

	private static String total(Rule rule) {
		return rule.parsedKind().name() + " (all)";
	}

	/** Confusion counts of "found" and how many outcomes equal the truth. */
	static final class Tally {

		int cases;

		int tp;

		int fp;

		int fn;

		int decided;

		void add(RuleOutcome truth, RuleOutcome got, boolean positiveTruth, boolean positiveGot) {
			this.cases++;
			if (truth == got) {
				this.decided++;
			}
			if (positiveTruth && positiveGot) {
				this.tp++;
			}
			else if (positiveGot) {
				this.fp++;
			}
			else if (positiveTruth) {
				this.fn++;
			}
		}

	}

	// ---- promises

	private static void promises(List<Doc> docs, Map<Doc, Transcript> transcripts) {
		Map<String, int[]> rows = new TreeMap<>();
		List<String> misses = new ArrayList<>();
		for (Doc doc : docs) {
			Transcript transcript = transcripts.get(doc);
			List<PromiseDetection.Found> found = new ArrayList<>(PromiseDetection.find(transcript, doc.script.end));
			String rendering = doc.mono ? "mono" : "per party";
			int[] row = rows.computeIfAbsent(rendering, (k) -> new int[5]);
			int[] all = rows.computeIfAbsent("all", (k) -> new int[5]);
			for (String[] promise : doc.script.promises) {
				String kind = promise[0];
				Instant due = LocalDateTime.parse(promise[1]).atZone(doc.script.end.getZone()).toInstant();
				Turn turn = turnSaying(doc.script, words(promise[2]));
				PromiseDetection.Found match = found.stream()
					.filter((f) -> f.kind().name().equals(kind) && f.startSec() < turn.end() + 1
							&& f.endSec() > turn.start() - 1)
					.findFirst()
					.orElse(null);
				count(row, all, 0); // promises in the truth
				if (match == null) {
					misses.add(String.format("  %-26s %-9s missed %s due %s '%s'%n%s", doc.script.name, rendering,
							kind, promise[1], promise[2], heard(transcript)));
					continue;
				}
				found.remove(match);
				count(row, all, 1); // found
				if (match.dueAt().equals(due)) {
					count(row, all, 2); // due right
				}
				else {
					misses.add(String.format("  %-26s %-9s due %s, expected %s: '%s' (time '%s')%n", doc.script.name,
							rendering, match.dueAt().atZone(doc.script.end.getZone()).toLocalDateTime(), promise[1],
							match.phrase(), match.timePhrase()));
				}
			}
			for (PromiseDetection.Found extra : found) {
				count(row, all, 3); // found, not in the truth
				misses.add(String.format("  %-26s %-9s not a promise: %s '%s' by %s%n", doc.script.name, rendering,
						extra.kind(), extra.phrase(), extra.speaker()));
			}
		}
		System.out.println("\nPromises (found = same kind, said in the scripted turn; due right = due time equal):");
		System.out.printf("  %-12s %6s %6s %6s %9s %9s %9s%n", "recording", "truth", "found", "extra", "precision",
				"recall", "due right");
		rows.forEach((name, r) -> System.out.printf("  %-12s %6d %6d %6d %9s %9s %9s%n", name, r[0], r[1], r[3],
				percent(r[1], r[1] + r[3]), percent(r[1], r[0]), percent(r[2], r[1])));
		System.out.printf("%nPromise misses (%d):%n", misses.size());
		misses.forEach(System.out::print);
	}

	private static void count(int[] row, int[] all, int at) {
		row[at]++;
		all[at]++;
	}

	private static Turn turnSaying(Script script, List<String> phrase) {
		for (Turn turn : script.turns) {
			for (int i = 0; i + phrase.size() <= turn.words().size(); i++) {
				if (turn.words().subList(i, i + phrase.size()).equals(phrase)) {
					return turn;
				}
			}
		}
		throw new IllegalStateException(script.name + ": no turn says '" + String.join(" ", phrase) + "'");
	}

	// ---- helpers

	private static String heard(Transcript transcript) {
		StringBuilder text = new StringBuilder();
		for (Utterance utterance : transcript.utterances()) {
			text.append(String.format("      %6.1f-%-6.1f %-8s %s%n", utterance.start(), utterance.end(),
					utterance.speaker(), utterance.text()));
		}
		return Boolean.getBoolean("accuracy.verbose") ? text.toString() : "";
	}

	private static String percent(int part, int whole) {
		return (whole == 0) ? "-" : String.format("%.1f %%", 100.0 * part / whole);
	}

	private static boolean onPath(String command) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
			if (Files.isExecutable(Path.of(dir, command))) {
				return true;
			}
		}
		return false;
	}

}
