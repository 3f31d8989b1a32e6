package io.callqa.transcription.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.callqa.transcription.SearchQuery;
import io.callqa.transcription.Transcript;
import io.callqa.transcription.Utterance;

/**
 * Prints (does not assert) how fast synthetic calls are indexed and searched, to notice a slowdown by eye.
 */
@org.junit.jupiter.api.Tag("bench")
class TranscriptIndexBenchmark {

	private static final int CALLS = 2_000;

	private static final int WORDS_PER_CALL = 300;

	private static final String[] COMMON = ("i you the a to and it is that for my we can your on have this be will "
			+ "refund order account payment card call back week charge bill number help please thank sorry manager "
			+ "cancel subscription delivery price problem today tomorrow monday email address password transfer")
		.split(" ");

	private static final String[] SYLLABLES = "ka lo mi nu pe ra si to vu we xa yo za be co du fa gi ho ju".split(" ");

	private final Random random = new Random(42);

	private final List<String> vocabulary = vocabulary();

	@TempDir
	Path dir;

	@Test
	void indexAndSearchWhenTwoThousandCallsShouldPrintThroughputAndLatency() throws IOException {
		try (TranscriptIndex index = TranscriptIndex.open(this.dir)) {
			long started = System.nanoTime();
			for (int id = 1; id <= CALLS; id++) {
				index.index(call(id));
			}
			index.commit(CALLS);
			double seconds = (System.nanoTime() - started) / 1e9;
			System.out.printf("Indexed %d calls of %d words in %.1f s: %.0f calls/s, index %.1f MB%n", CALLS,
					WORDS_PER_CALL, seconds, CALLS / seconds, megabytes(this.dir));
			printLatency(index);
		}
	}

	/** Runs the queries twice and times the second run, when the JIT has compiled the search code. */
	private void printLatency(TranscriptIndex index) {
		List<SearchQuery> queries = queries();
		queries.forEach(index::search);
		double[] millis = queries.stream().mapToDouble((query) -> timed(index, query)).sorted().toArray();
		System.out.printf("%d queries (10 hits, highlighted): median %.2f ms, p95 %.2f ms, max %.2f ms%n",
				millis.length, millis[millis.length / 2], millis[(int) (millis.length * 0.95)],
				millis[millis.length - 1]);
	}

	private static double timed(TranscriptIndex index, SearchQuery query) {
		long started = System.nanoTime();
		index.search(query);
		return (System.nanoTime() - started) / 1e6;
	}

	/** 100 queries of every kind: words, phrases, proximity, boolean, prefix, fuzzy, speaker, filters, browsing. */
	private List<SearchQuery> queries() {
		List<SearchQuery> queries = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			String a = word();
			String b = word();
			Stream.of(a, a + " " + b, "\"" + a + " " + b + "\"", "\"" + a + " " + b + "\"~5", a + " OR " + b,
					a + " -" + b, a.substring(0, 2) + "*", a + "~", "said_by_agent:" + a)
				.forEach((text) -> queries.add(query(text, null)));
			queries.add(query("*:*", "agent" + (i % 20)));
		}
		return queries;
	}

	private static SearchQuery query(String text, @Nullable String agent) {
		return new SearchQuery(text, agent, null, null, null, null, null, 0, 10);
	}

	private IndexedCall call(long id) {
		List<Utterance> utterances = new ArrayList<>();
		double at = 0;
		for (int words = 0; words < WORDS_PER_CALL; words += 15) {
			utterances.add(TestCalls.said((utterances.size() % 2 == 0) ? "agent" : "customer", at, sentence(15)));
			at += 15 * TestCalls.WORD_SECONDS + 1;
		}
		Instant startedAt = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(id * 1800);
		return new IndexedCall(id, "agent" + (id % 20), "queue" + (id % 5), "INBOUND", "+1555" + id, startedAt, at,
				"resolved", new Transcript(id, at, utterances));
	}

	private String sentence(int words) {
		return String.join(" ", Stream.generate(this::word).limit(words).toList());
	}

	/** Common words far more often than rare ones, roughly as in speech. */
	private String word() {
		double skewed = Math.pow(this.random.nextDouble(), 3);
		return this.vocabulary.get((int) (skewed * this.vocabulary.size()));
	}

	/** The common words, then 8,000 made-up ones of two or three syllables. */
	private static List<String> vocabulary() {
		List<String> words = new ArrayList<>(Arrays.asList(COMMON));
		for (String first : SYLLABLES) {
			for (String second : SYLLABLES) {
				words.add(first + second);
				Arrays.stream(SYLLABLES).forEach((third) -> words.add(first + second + third));
			}
		}
		return words;
	}

	private static double megabytes(Path dir) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.mapToLong((file) -> file.toFile().length()).sum() / 1e6;
		}
	}

}
