package io.callqa.qaconsole.rules;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.callqa.qaconsole.scoring.DefaultStandardRules;
import io.callqa.transcription.Transcript;
import io.callqa.transcription.Utterance;
import io.callqa.transcription.Word;
import io.callqa.transcription.index.TestTranscriptChecks;

/**
 * Prints (does not assert) how many calls a second the default standard's rules score, as when a period is evaluated
 * again after a standard changes: synthetic two-party calls of 300 to 600 words (3 to 6 minutes) with the phrases
 * the rules look for here and there, scored on {@code bench.threads} threads (default: every core). Only the rules
 * are timed: reading the stored transcripts and writing the results is the re-evaluation job's.
 *
 * <pre>
 * mvn -Pbench -pl qa-console -am verify -Dtest=RuleThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * Settings: {@code -Dbench.calls=100000} (evaluations timed, default 20,000), {@code -Dbench.threads=2}.
 */
@Tag("bench")
class RuleThroughputBenchmark {

	static final int DISTINCT = 2_000;

	static final String[] FILLER = ("i you the to and a it that is my for your can we have this be on with order "
			+ "account payment card number week today tomorrow address email help please price delivery bill charge "
			+ "subscription internet plan phone date time check look system wait okay yes no right sure").split(" ");

	static final List<String> AGENT_PHRASES = List.of("thank you for calling acme my name is sam",
			"is there anything else i can help you with", "i am sorry about that", "have a nice day goodbye",
			"let me check that for you", "that is not my problem", "i will call you back tomorrow");

	static final List<String> CUSTOMER_PHRASES = List.of("i am really unhappy", "my package arrived broken",
			"i want to make a complaint", "thank you very much", "i was charged twice");

	@Test
	void scoringTheDefaultStandardShouldPrintCallsPerSecond() throws Exception {
		int calls = Integer.getInteger("bench.calls", 20_000);
		int threads = Integer.getInteger("bench.threads", Runtime.getRuntime().availableProcessors());
		RuleEngine engine = new RuleEngine(TestTranscriptChecks.create(), DefaultStandardRules::of, null);
		List<Transcript> transcripts = new ArrayList<>(DISTINCT);
		for (int id = 0; id < DISTINCT; id++) {
			transcripts.add(call(id));
		}
		CallFacts facts = new CallFacts(1, "agent001", "support", "INBOUND", "ANSWERED", 300.0, 15.0, null, null);
		int words = transcripts.stream().mapToInt((t) -> t.utterances().stream().mapToInt((u) -> u.words().size()).sum())
			.sum() / DISTINCT;
		// warm-up: the JIT compiles the analysis and matching code
		run(engine, transcripts, facts, DISTINCT * 2, threads, new AtomicLong());
		long single = System.nanoTime();
		int failed = run(engine, transcripts, facts, Math.min(calls, 5_000), 1, new AtomicLong());
		double singleSeconds = (System.nanoTime() - single) / 1e9;
		long started = System.nanoTime();
		AtomicLong cpu = new AtomicLong();
		run(engine, transcripts, facts, calls, threads, cpu);
		double seconds = (System.nanoTime() - started) / 1e9;
		double cpuSeconds = cpu.get() / 1e9;
		System.out.printf("Default standard (%d ruled items) on %d calls of %d words on average:%n",
				DefaultStandardRules.of(1).items().size(), calls, words);
		System.out.printf("  %d threads: %.1f s, %.0f calls/s; %.1f CPU seconds: %.0f calls per CPU second"
				+ " (the machine's other work left out)%n", threads, seconds, calls / seconds, cpuSeconds,
				calls / cpuSeconds);
		System.out.printf("  1 thread: %.2f ms a call (%.0f calls/s); %d of %d failed a critical item%n",
				1000 * singleSeconds / Math.min(calls, 5_000), Math.min(calls, 5_000) / singleSeconds, failed,
				Math.min(calls, 5_000));
	}

	/** Scores {@code calls} calls on {@code threads} threads; the number whose critical item failed. */
	private static int run(RuleEngine engine, List<Transcript> transcripts, CallFacts facts, int calls, int threads,
			AtomicLong cpuNanos) throws Exception {
		AtomicInteger next = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				done.add(pool.submit(() -> {
					long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
					for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
						if (engine.evaluate(1, transcripts.get(i % transcripts.size()), facts).criticalFailed()) {
							failed.incrementAndGet();
						}
					}
					cpuNanos.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart);
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
		return failed.get();
	}

	/** A two-party call: turns of 4 to 24 words, one turn in four holding a phrase the rules look for. */
	static Transcript call(long id) {
		SplittableRandom random = new SplittableRandom(id * 0x9E3779B97F4A7C15L + 7);
		int wanted = 300 + random.nextInt(301);
		List<Utterance> utterances = new ArrayList<>();
		double at = 0.5 + random.nextDouble();
		int said = 0;
		while (said < wanted) {
			String speaker = (utterances.size() % 2 == 0) ? "agent" : "customer";
			List<String> texts = new ArrayList<>();
			int length = 4 + random.nextInt(21);
			for (int i = 0; i < length; i++) {
				texts.add(FILLER[random.nextInt(FILLER.length)]);
			}
			if (random.nextInt(4) == 0) {
				List<String> phrases = speaker.equals("agent") ? AGENT_PHRASES : CUSTOMER_PHRASES;
				// the rude phrase is rare, as it is in real calls
				String phrase = phrases.get(random.nextInt(phrases.size()));
				if (!phrase.contains("not my problem") || random.nextInt(20) == 0) {
					texts.addAll(random.nextInt(texts.size() + 1), Arrays.asList(phrase.split(" ")));
				}
			}
			List<Word> words = new ArrayList<>();
			double wordAt = at;
			for (String text : texts) {
				double end = wordAt + 0.15 + 0.05 * text.length();
				words.add(new Word(text, wordAt, end, 0.9));
				wordAt = end + random.nextDouble() * 0.12;
			}
			utterances.add(new Utterance(speaker, words.get(0).start(), words.get(words.size() - 1).end(),
					String.join(" ", texts), words));
			said += words.size();
			// turns follow each other, a few overlap (talk-over) and a few leave dead air
			at = wordAt + ((random.nextInt(30) == 0) ? -1.0 : 0.3 + random.nextDouble() * ((random.nextInt(50) == 0) ? 14 : 1.5));
		}
		return new Transcript(id, at + 2, utterances);
	}

}
