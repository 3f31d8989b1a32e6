package io.callqa.transcription.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.vosk.Model;
import org.vosk.Recognizer;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.callqa.transcription.Matching;
import io.callqa.transcription.SearchFilters;
import io.callqa.transcription.SearchHit;
import io.callqa.transcription.SearchQuery;
import io.callqa.transcription.Transcript;
import io.callqa.transcription.Utterance;
import io.callqa.transcription.Word;
import io.callqa.transcription.audio.PcmSource;
import io.callqa.transcription.speech.NBest;
import io.callqa.transcription.speech.SpeechModel;
import io.callqa.transcription.speech.VoskTranscriber;

/**
 * Prints (does not assert) the recall and precision of search over real Vosk transcripts of scripted calls, per
 * {@link Matching} mode and per kind of query. The 32 calls of {@code recall/calls.txt} are spoken by espeak-ng
 * (several voices and speeds), rendered at 8 kHz by {@code audio/make-recall-calls.sh} both per party (agent left,
 * customer right) and mixed to mono, transcribed by the real pipeline, and indexed with {@link TranscriptIndex}.
 * {@code recall/queries.json} gives each query the calls whose script says it (any listed form, for inflections):
 * a stereo and a mono document per call. Recall and precision are micro-averaged over (query, document) pairs.
 *
 * <p>It also measures Vosk's word alternatives ({@code callqa.transcription.alternatives}): a second pass with
 * {@code Recognizer.setMaxAlternatives} keeps the n-best words, which are attached to the transcripts' words by
 * {@link NBest#aligned} (as the transcriber attaches them) and indexed by {@link TranscriptIndex}: the "+
 * alternatives" rows are the modes over those documents. The pass is a recognizer with alternatives alone, as the
 * transcriber's second recognizer, over the same audio.
 *
 * <p>Audio, transcripts and the alternatives pass are cached in {@code target/recall/} (keyed by the scripts and the
 * model), so reruns only index and search. Without espeak-ng and sox it is skipped with a message.
 */
@Tag("bench")
class SearchRecallBenchmark {

	private static final Path RESOURCES = Path.of("src/test/resources");

	private static final Path CALLS = RESOURCES.resolve("recall/calls.txt");

	private static final Path QUERIES = RESOURCES.resolve("recall/queries.json");

	private static final Path RENDER = RESOURCES.resolve("audio/make-recall-calls.sh");

	private static final Path WORK = Path.of("target/recall");

	/** The mono rendering of call N is document MONO + N; the stereo one is N. */
	private static final long MONO = 100;

	/**
	 * The n-best size of the alternatives pass, which runs only when asked ({@code -Drecall.alternatives=true}): it
	 * costs more than the transcription itself. Otherwise a cached pass is used if there is one, for the documents it
	 * covers.
	 */
	private static final int MAX_ALTERNATIVES = 5;

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void transcribeScriptedCallsAndPrintRecallAndPrecisionPerMode() throws Exception {
		Assumptions.assumeTrue(onPath("espeak-ng") && onPath("sox"),
				"SearchRecallBenchmark skipped: espeak-ng and sox are needed to speak the scripted calls "
						+ "(apt-get install espeak-ng sox)");
		List<Integer> calls = callIds();
		List<LabelledQuery> queries = queries(calls);
		String key = key();
		Path audio = render(key);
		Map<Long, List<Utterance>> transcripts;
		Map<Long, List<Alternative>> alternatives;
		try (SpeechModel model = SpeechModel.load(null, Path.of("target/test-data/models"), 16000)) {
			transcripts = transcripts(model, audio, calls, key);
			alternatives = alternatives(model, audio, calls, key);
		}
		System.out.printf("%n%d calls (%d documents: stereo and mono), %d queries %s, %.0f s of audio%n",
				calls.size(), transcripts.size(), queries.size(), kinds(queries), audioSeconds(transcripts));
		Set<Long> documents = new TreeSet<>(transcripts.keySet());
		Map<String, Map<String, Set<Long>>> found = new LinkedHashMap<>();
		try (Directory dir = new ByteBuffersDirectory(); TranscriptIndex index = TranscriptIndex.open(dir)) {
			for (Map.Entry<Long, List<Utterance>> entry : transcripts.entrySet()) {
				index.index(call(entry.getKey(), entry.getValue()));
			}
			index.commit(1);
			for (Matching matching : Matching.values()) {
				found.put(matching.name(), run(queries, (query) -> found(index, query, matching)));
			}
		}
		Map<String, Tally> rows = new LinkedHashMap<>();
		found.forEach((mode, hits) -> rows.put(mode, tally(queries, hits, documents)));
		print(rows, queries);
		for (String mode : List.of(Matching.EXACT.name(), Matching.STEMMED.name(), Matching.TOLERANT.name())) {
			printMisses(rows.get(mode), mode);
		}
		if (alternatives.isEmpty()) {
			System.out.println("\nNo alternatives pass cached: run with -Drecall.alternatives=true to measure them.");
			return;
		}
		// The same documents with the alternatives pass's words attached to their words as the transcriber attaches
		// them (NBest.aligned), indexed by TranscriptIndex: the modes as they search a transcript with alternatives.
		Map<Long, List<Utterance>> withAlternatives = withAlternatives(transcripts, alternatives);
		Map<String, Map<String, Set<Long>>> foundWith = new LinkedHashMap<>();
		try (Directory dir = new ByteBuffersDirectory(); TranscriptIndex index = TranscriptIndex.open(dir)) {
			for (Map.Entry<Long, List<Utterance>> entry : withAlternatives.entrySet()) {
				index.index(call(entry.getKey(), entry.getValue()));
			}
			index.commit(1);
			for (Matching matching : Matching.values()) {
				foundWith.put(matching.name() + " + alternatives", run(queries, (query) -> found(index, query, matching)));
			}
		}
		Set<Long> covered = new TreeSet<>(alternatives.keySet());
		Map<String, Tally> subset = new LinkedHashMap<>();
		found.forEach((mode, hits) -> subset.put(mode, tally(queries, hits, covered)));
		foundWith.forEach((mode, hits) -> subset.put(mode, tally(queries, hits, covered)));
		System.out.printf("%nWith Vosk's %d-best alternatives, on the %d documents of the alternatives pass, %.2f "
				+ "alternative words per word:%n", MAX_ALTERNATIVES, covered.size(), alternativesPerWord(withAlternatives));
		print(subset, queries);
		Tally best = subset.get(Matching.TOLERANT.name() + " + alternatives");
		printMisses(best, Matching.TOLERANT.name() + " + alternatives");
		printCeiling(best, queries, withAlternatives);
	}

	/**
	 * What any search over these words could find at best: a missed pair is within reach only if every word of one of
	 * the query's forms has its stem somewhere in the document, said or among the alternatives, in any order. The
	 * others were heard as other words altogether ("technician" as "fascination", "courier" as "mercury of"): no
	 * stem, sound or alternative of the transcript holds them.
	 */
	private static void printCeiling(Tally tally, List<LabelledQuery> queries,
			Map<Long, List<Utterance>> transcripts) {
		Map<String, LabelledQuery> byQuery = new LinkedHashMap<>();
		queries.forEach((query) -> byQuery.put(query.query(), query));
		int reachable = 0;
		List<String> within = new ArrayList<>();
		for (String pair : tally.missed) {
			int at = pair.lastIndexOf(" @");
			LabelledQuery query = byQuery.get(pair.substring(0, at));
			Set<String> stems = stems(transcripts.get(Long.parseLong(pair.substring(at + 2))));
			boolean inReach = query.forms().stream()
				.anyMatch((form) -> Arrays.stream(form.split(" "))
					.allMatch((word) -> stems.containsAll(TranscriptAnalyzer.stemsOf(word))));
			if (inReach) {
				reachable++;
				within.add(pair);
			}
		}
		int found = tally.perKind.values().stream().mapToInt((counts) -> counts[0]).sum();
		int relevant = found + tally.missed.size();
		System.out.printf("%nCeiling: of the %d missed pairs, %d have every word of a form (by stem) somewhere in the "
				+ "document, said or an alternative (%s); the other %d were heard as other words. Finding all %d "
				+ "would make recall %.3f.%n", tally.missed.size(), reachable, String.join(", ", within),
				tally.missed.size() - reachable, reachable, ratio(found + reachable, relevant));
	}

	private static Set<String> stems(List<Utterance> utterances) {
		Set<String> stems = new HashSet<>();
		for (Utterance utterance : utterances) {
			for (Word word : utterance.words()) {
				stems.addAll(TranscriptAnalyzer.stemsOf(word.word()));
				word.alternatives().forEach((alternative) -> stems.addAll(TranscriptAnalyzer.stemsOf(alternative)));
			}
		}
		return stems;
	}

	private static Map<Long, List<Utterance>> withAlternatives(Map<Long, List<Utterance>> transcripts,
			Map<Long, List<Alternative>> alternatives) {
		Map<Long, List<Utterance>> with = new LinkedHashMap<>();
		alternatives.forEach((doc, heard) -> with.put(doc, transcripts.get(doc).stream().map((utterance) -> {
			List<NBest.Heard> ofSpeaker = heard.stream()
				.filter((alt) -> alt.speaker().equals(utterance.speaker()))
				.map((alt) -> new NBest.Heard(alt.word(), alt.start(), alt.end(), alt.rank()))
				.toList();
			return new Utterance(utterance.speaker(), utterance.start(), utterance.end(), utterance.text(),
					NBest.aligned(utterance.words(), ofSpeaker));
		}).toList()));
		return with;
	}

	private static double alternativesPerWord(Map<Long, List<Utterance>> transcripts) {
		int words = 0;
		int alts = 0;
		for (List<Utterance> utterances : transcripts.values()) {
			for (Utterance utterance : utterances) {
				for (Word word : utterance.words()) {
					words++;
					alts += word.alternatives().size();
				}
			}
		}
		return (words == 0) ? 0 : (double) alts / words;
	}

	private static Map<String, Set<Long>> run(List<LabelledQuery> queries, Search search) {
		Map<String, Set<Long>> found = new LinkedHashMap<>();
		queries.forEach((query) -> found.put(query.query(), search.found(query.query())));
		return found;
	}

	// ---- the calls, the labels and the audio

	private static List<Integer> callIds() throws IOException {
		return Files.readAllLines(CALLS)
			.stream()
			.filter((line) -> line.startsWith("call "))
			.map((line) -> Integer.parseInt(line.split(" ")[1]))
			.toList();
	}

	/** Each call's script as words, to check the labels of the queries said verbatim. */
	private static Map<Integer, List<String>> scripts() throws IOException {
		Map<Integer, List<String>> scripts = new LinkedHashMap<>();
		Integer id = null;
		for (String line : Files.readAllLines(CALLS)) {
			if (line.startsWith("call ")) {
				id = Integer.parseInt(line.split(" ")[1]);
				scripts.put(id, new ArrayList<>());
			}
			else if (id != null && (line.startsWith("a: ") || line.startsWith("c: "))) {
				scripts.get(id).addAll(List.of(line.substring(3).trim().split("\\s+")));
			}
		}
		return scripts;
	}

	private static List<LabelledQuery> queries(List<Integer> calls) throws IOException {
		List<LabelledQuery> queries = json.readValue(QUERIES.toFile(), new TypeReference<List<LabelledQuery>>() {
		});
		// A label the scripts contradict would measure the labels, not the search: stop early instead.
		Map<Integer, List<String>> scripts = scripts();
		for (LabelledQuery query : queries) {
			Set<Integer> saying = new TreeSet<>();
			scripts.forEach((id, words) -> {
				if (query.forms().stream().anyMatch((form) -> contains(words, List.of(form.split(" "))))) {
					saying.add(id);
				}
			});
			if (!saying.equals(new TreeSet<>(query.calls()))) {
				throw new IllegalStateException(query.query() + " is labelled " + query.calls() + " but said in " + saying);
			}
		}
		return queries;
	}

	private static boolean contains(List<String> words, List<String> phrase) {
		for (int i = 0; i + phrase.size() <= words.size(); i++) {
			if (words.subList(i, i + phrase.size()).equals(phrase)) {
				return true;
			}
		}
		return false;
	}

	/** Cache key: the scripts, the renderer and the model. */
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
		long started = System.nanoTime();
		Process process = new ProcessBuilder("bash", RENDER.toString(), CALLS.toString(), audio.toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.INHERIT)
			.start();
		if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
			throw new IOException("make-recall-calls.sh failed (exit " + process.exitValue() + ")");
		}
		Files.writeString(audio.resolve("done"), "");
		System.out.printf("Rendered the calls in %.0f s%n", (System.nanoTime() - started) / 1e9);
		return audio;
	}

	private static Path file(Path audio, long doc) {
		return audio.resolve("call-" + (doc % MONO) + ((doc >= MONO) ? "-mono.wav" : "-stereo.wav"));
	}

	private static List<Long> documents(List<Integer> calls) {
		List<Long> documents = new ArrayList<>();
		calls.forEach((call) -> {
			documents.add((long) call);
			documents.add(MONO + call);
		});
		return documents;
	}

	// ---- transcription with the real pipeline, cached

	private static Map<Long, List<Utterance>> transcripts(SpeechModel model, Path audio, List<Integer> calls,
			String key) throws IOException {
		Path cache = WORK.resolve("transcripts-" + key + "-" + model.name().replace(':', '-') + ".json");
		if (Files.isRegularFile(cache)) {
			return json.readValue(cache.toFile(), new TypeReference<LinkedHashMap<Long, List<Utterance>>>() {
			});
		}
		VoskTranscriber transcriber = new VoskTranscriber(model);
		Map<Long, List<Utterance>> transcripts = new LinkedHashMap<>();
		long started = System.nanoTime();
		for (long doc : documents(calls)) {
			List<String> channels = (doc >= MONO) ? List.of() : List.of("agent", "customer");
			transcripts.put(doc, transcriber.transcribe(file(audio, doc), channels).utterances());
		}
		System.out.printf("Transcribed %d files in %.0f s%n", transcripts.size(), (System.nanoTime() - started) / 1e9);
		json.writeValue(cache.toFile(), transcripts);
		return transcripts;
	}

	private static IndexedCall call(long doc, List<Utterance> utterances) {
		double end = utterances.stream().mapToDouble(Utterance::end).max().orElse(0);
		return new IndexedCall(doc, "agent" + (doc % 4), (doc >= MONO) ? "mono" : "stereo", "INBOUND", "+15550100",
				Instant.parse("2026-01-01T00:00:00Z").plusSeconds(doc * 60), end, "resolved",
				new Transcript(doc, end, utterances));
	}

	private static double audioSeconds(Map<Long, List<Utterance>> transcripts) {
		return transcripts.values()
			.stream()
			.mapToDouble((utterances) -> utterances.stream().mapToDouble(Utterance::end).max().orElse(0))
			.sum();
	}

	// ---- Vosk alternatives: a second pass with setMaxAlternatives, cached as Vosk's own JSON results

	/** A word of an n-best alternative, with the confidence of its alternative and its rank (0 is the best). */
	record Alternative(String speaker, String word, double start, double end, double confidence, int rank) {
	}

	private static Map<Long, List<Alternative>> alternatives(SpeechModel model, Path audio, List<Integer> calls,
			String key) throws IOException {
		Path cache = WORK.resolve("alternatives-" + MAX_ALTERNATIVES + "-" + key + "-"
				+ model.name().replace(':', '-') + ".json");
		Map<Long, List<Alternative>> alternatives;
		if (Files.isRegularFile(cache)) {
			return json.readValue(cache.toFile(), new TypeReference<LinkedHashMap<Long, List<Alternative>>>() {
			});
		}
		if (!Boolean.getBoolean("recall.alternatives")) {
			return Map.of();
		}
		alternatives = new LinkedHashMap<>();
		long started = System.nanoTime();
		// Its own Model: SpeechModel keeps its Vosk model to the speech package.
		try (Model vosk = new Model(model.directory().toAbsolutePath().toString())) {
			for (long doc : documents(calls)) {
				List<String> speakers = (doc >= MONO) ? List.of("mixed") : List.of("agent", "customer");
				alternatives.put(doc, alternatives(vosk, model.sampleRate(), file(audio, doc), speakers));
			}
		}
		System.out.printf("Alternatives pass over %d files in %.0f s%n", alternatives.size(),
				(System.nanoTime() - started) / 1e9);
		json.writeValue(cache.toFile(), alternatives);
		return alternatives;
	}

	private static List<Alternative> alternatives(Model vosk, int rate, Path file, List<String> speakers)
			throws IOException {
		List<Recognizer> recognizers = new ArrayList<>();
		List<Alternative> words = new ArrayList<>();
		try (PcmSource source = PcmSource.open(file, rate)) {
			for (int c = 0; c < source.channels(); c++) {
				Recognizer recognizer = new Recognizer(vosk, rate);
				recognizer.setMaxAlternatives(MAX_ALTERNATIVES);
				recognizer.setWords(true);
				recognizers.add(recognizer);
			}
			for (short[][] block = source.read(); block != null; block = source.read()) {
				for (int c = 0; c < block.length; c++) {
					if (recognizers.get(c).acceptWaveForm(block[c], block[c].length)) {
						words.addAll(parse(speakers.get(c), recognizers.get(c).getResult()));
					}
				}
			}
			for (int c = 0; c < recognizers.size(); c++) {
				words.addAll(parse(speakers.get(c), recognizers.get(c).getFinalResult()));
			}
			return words;
		}
		finally {
			recognizers.forEach(Recognizer::close);
		}
	}

	/** {@code {"alternatives":[{"confidence","result":[{"word","start","end"}],"text"}]}} */
	private static List<Alternative> parse(String speaker, String result) {
		List<Alternative> words = new ArrayList<>();
		int rank = 0;
		for (JsonNode alternative : json.readTree(result).path("alternatives")) {
			for (JsonNode word : alternative.path("result")) {
				words.add(new Alternative(speaker, word.path("word").asString(), word.path("start").asDouble(),
						word.path("end").asDouble(), alternative.path("confidence").asDouble(), rank));
			}
			rank++;
		}
		return words;
	}

	// ---- searching and counting

	private static Set<Long> found(TranscriptIndex index, String query, Matching matching) {
		SearchQuery search = new SearchQuery(query, matching, SearchFilters.none(), null, 0, 100, false);
		return index.search(search).hits().stream().map(SearchHit::callId).collect(Collectors.toCollection(TreeSet::new));
	}

	interface Search {

		Set<Long> found(String query);

	}

	/** True and false positives and negatives per query kind, and the missed (query, document) pairs. */
	static final class Tally {

		final Map<String, int[]> perKind = new LinkedHashMap<>();

		final List<String> missed = new ArrayList<>();

		final List<String> wrong = new ArrayList<>();

		int[] kind(String kind) {
			return this.perKind.computeIfAbsent(kind, (k) -> new int[3]);
		}

	}

	private static Tally tally(List<LabelledQuery> queries, Map<String, Set<Long>> hits, Set<Long> documents) {
		Tally tally = new Tally();
		for (LabelledQuery query : queries) {
			Set<Long> relevant = new TreeSet<>();
			query.calls().forEach((call) -> {
				relevant.add((long) call);
				relevant.add(MONO + call);
			});
			relevant.retainAll(documents);
			Set<Long> found = new TreeSet<>(hits.get(query.query()));
			found.retainAll(documents);
			int[] counts = tally.kind(query.kind());
			for (long doc : found) {
				if (relevant.contains(doc)) {
					counts[0]++;
				}
				else {
					counts[1]++;
					tally.wrong.add(query.query() + " @" + doc);
				}
			}
			for (long doc : relevant) {
				if (!found.contains(doc)) {
					counts[2]++;
					tally.missed.add(query.query() + " @" + doc);
				}
			}
		}
		return tally;
	}

	private static void print(Map<String, Tally> rows, List<LabelledQuery> queries) {
		List<String> kinds = queries.stream().map(LabelledQuery::kind).distinct().toList();
		StringBuilder header = new StringBuilder(String.format("%-30s %6s %6s %5s %5s %5s", "mode", "recall",
				"prec", "TP", "FP", "FN"));
		kinds.forEach((kind) -> header.append(String.format(" | %-10s R     P   ", kind)));
		System.out.println(header);
		rows.forEach((mode, tally) -> {
			int[] all = new int[3];
			tally.perKind.values().forEach((counts) -> {
				for (int i = 0; i < 3; i++) {
					all[i] += counts[i];
				}
			});
			StringBuilder line = new StringBuilder(String.format("%-30s %6.3f %6.3f %5d %5d %5d", mode,
					ratio(all[0], all[0] + all[2]), ratio(all[0], all[0] + all[1]), all[0], all[1], all[2]));
			kinds.forEach((kind) -> {
				int[] counts = tally.kind(kind);
				line.append(String.format(" | %-10s %5s %5s", "", format(ratio(counts[0], counts[0] + counts[2])),
						format(ratio(counts[0], counts[0] + counts[1]))));
			});
			System.out.println(line);
		});
		System.out.println("(R, P: recall and precision over (query, document) pairs; 'absent' queries have no "
				+ "relevant document, so only their false positives count, in every other column's precision)");
	}

	private static void printMisses(Tally tally, String mode) {
		System.out.printf("%n%s missed %d pairs: %s%n", mode, tally.missed.size(), String.join(", ", tally.missed));
		System.out.printf("%s false positives %d: %s%n", mode, tally.wrong.size(), String.join(", ", tally.wrong));
	}

	private static String format(double ratio) {
		return Double.isNaN(ratio) ? "-" : String.format("%.3f", ratio);
	}

	private static double ratio(int numerator, int denominator) {
		return (denominator == 0) ? Double.NaN : (double) numerator / denominator;
	}

	private static String kinds(List<LabelledQuery> queries) {
		Map<String, Long> counts = queries.stream()
			.collect(Collectors.groupingBy(LabelledQuery::kind, LinkedHashMap::new, Collectors.counting()));
		return counts.toString();
	}

	private static boolean onPath(String command) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
			if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
				return true;
			}
		}
		return false;
	}

	/** One line of queries.json. */
	record LabelledQuery(String query, String kind, List<String> forms, List<Integer> calls) {
	}

}
