package io.callqa.qaconsole.standardsreport;

import java.sql.Timestamp;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Calls with their current automatic evaluation, items, promises and mystery-shopper mark written straight into the
 * tables as autoscore, promises and mystery leave them, at chosen times, so the report's figures are known by hand. The
 * calls have no transcript: no pipeline evaluates them behind the test's back.
 */
final class ReportCalls {

	private final JdbcClient jdbc;

	/** The default standard's first version (pass mark 80). */
	final long defaultVersion;

	ReportCalls(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.defaultVersion = jdbc.sql("select id from scorecard_version where pass_threshold = 80 order by id limit 1")
			.query(Long.class)
			.single();
	}

	/** An item of an automatic evaluation: its key and label, critical or not, its outcome. */
	record Item(String key, String label, boolean critical, String outcome, @Nullable String evidenceWords) {
	}

	static Item fail(String key, String label) {
		return new Item(key, label, false, "FAIL", null);
	}

	static Item pass(String key) {
		return new Item(key, key, false, "PASS", null);
	}

	static Item criticalFail(String key, String label, String words) {
		return new Item(key, label, true, "FAIL", words);
	}

	long call(String agent, String queue, Instant startedAt) {
		return this.jdbc.sql("""
				insert into call (source, agent, queue, direction, caller_number, started_at, ended_at, duration_sec,
				  outcome)
				values ('ASTERISK', :agent, :queue, 'INBOUND', '5550100', :started, :ended, 120, 'ANSWERED')
				returning id""")
			.param("agent", agent)
			.param("queue", queue)
			.param("started", Timestamp.from(startedAt))
			.param("ended", Timestamp.from(startedAt.plusSeconds(120)))
			.query(Long.class)
			.single();
	}

	/** A new current automatic evaluation of the call (an earlier current one is no longer current). */
	long evaluation(long call, long version, @Nullable Double score, boolean passed, Instant at, Item... items) {
		this.jdbc.sql("update automatic_evaluation set current = false where call_id = :call and current")
			.param("call", call)
			.update();
		boolean critical = java.util.Arrays.stream(items).anyMatch((i) -> i.critical() && "FAIL".equals(i.outcome()));
		long id = this.jdbc.sql("""
				insert into automatic_evaluation (call_id, scorecard_version_id, agent, score, passed, critical_failed,
				  evaluated_at)
				select id, :version, agent, :score, :passed, :critical, :at from call where id = :call returning id""")
			.param("call", call)
			.param("version", version)
			.param("score", score)
			.param("passed", passed)
			.param("critical", critical)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
		for (int seq = 0; seq < items.length; seq++) {
			Item item = items[seq];
			String evidence = (item.evidenceWords() != null) ? """
					[{"startSec":12.43,"endSec":13.2,"speaker":"agent","words":"%s"}]""".formatted(item.evidenceWords())
					: "[]";
			this.jdbc.sql("""
					insert into automatic_evaluation_item
					  (evaluation_id, seq, item_key, label, critical, outcome, points, max_points, weight, reason, evidence)
					values (:id, :seq, :key, :label, :critical, :outcome, :points, 1, 1, :reason, cast(:evidence as jsonb))""")
				.param("id", id)
				.param("seq", seq)
				.param("key", item.key())
				.param("label", item.label())
				.param("critical", item.critical())
				.param("outcome", item.outcome())
				.param("points", "PASS".equals(item.outcome()) ? 1.0 : 0.0)
				.param("reason", "FAIL".equals(item.outcome()) && item.evidenceWords() == null ? "not said" : null)
				.param("evidence", evidence)
				.update();
		}
		return id;
	}

	/** A call of the agent evaluated by the default standard an hour after it started. */
	long scored(String agent, String queue, Instant startedAt, @Nullable Double score, Item... items) {
		long call = call(agent, queue, startedAt);
		boolean critical = java.util.Arrays.stream(items).anyMatch((i) -> i.critical() && "FAIL".equals(i.outcome()));
		evaluation(call, this.defaultVersion, score, score != null && score >= 80 && !critical,
				startedAt.plusSeconds(3600), items);
		return call;
	}

	/** A callback promise made on the call, in the given state. */
	void promise(long call, String state, double startSec) {
		this.jdbc.sql("""
				insert into promise (call_id, agent, queue, customer_number, kind, phrase, start_sec, end_sec, speaker,
				  time_phrase, zone, made_at, due_at, state)
				select id, agent, queue, caller_number, 'CALLBACK', 'i will call you back', :start, :start + 2, 'agent',
				  null, 'UTC', ended_at, ended_at + interval '1 day', :state
				from call where id = :call""")
			.param("call", call)
			.param("start", startSec)
			.param("state", state)
			.update();
	}

	/** Marks the call as a mystery-shopper (test) call, as mystery does. */
	void mystery(long call) {
		this.jdbc.sql("insert into mystery_shopper_call (call_id, source, marked_by) values (:call, 'API', 'test')")
			.param("call", call)
			.update();
	}

	/** A standard of its own with one version whose pass mark is given, assigned to no queue. */
	long version(String name, double passMark) {
		long standard = this.jdbc.sql("insert into standard (name) values (:name) returning id")
			.param("name", name)
			.query(Long.class)
			.single();
		return this.jdbc.sql("""
				insert into scorecard_version (standard_id, version, definition, pass_threshold)
				values (:standard, 1, '{"sections":[]}', :mark) returning id""")
			.param("standard", standard)
			.param("mark", passMark)
			.query(Long.class)
			.single();
	}

}
