package io.callqa.telephony.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

import io.callqa.TelephonyTestApplication;
import io.callqa.telephony.CallCenterMetrics;
import io.callqa.telephony.CallStats;
import io.callqa.telephony.CallbackStats;
import io.callqa.telephony.Grouping;
import io.callqa.telephony.MetricsQuery;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tests for {@link CallCenterMetrics} over a scripted day (2025-01-15, UTC) whose every figure is computed by hand.
 * <p>
 * Calls (queue, joined at, wait s, talk s, outcome, agent, caller):
 * <pre>
 * C1  support 09:05 10 120 ANSWERED  agent1 5550101  survey 9 (and one "no answer")
 * C2  support 09:20 30 200 ANSWERED  agent1 5550102  survey 3
 * C3  support 09:40 20 100 ANSWERED  agent2 5550103  survey 8, stored before the call was known (by Uniqueid)
 * C4  support 09:50  3   - ABANDONED -      5550104  short abandon (3 &lt; 5)
 * C5  support 10:10 40   - ABANDONED -      5550105  reached later by C9 (same number, answered)
 * C6  sales   10:15  5   - TIMEOUT   -      5550106  not an abandon
 * C7  sales   10:30  8   - ABANDONED -      5550107  reached by its ABANDONED callback R3 (DONE)
 * C8  sales   10:45 15   - CALLBACK_REQUESTED         5550108
 * C9  support 11:00  5  60 ANSWERED  agent2 5550105  survey 10
 * C10 support 11:30  5   - ABANDONED -      5550110  5 is not under 5: an abandon, never reached
 * not counted: C11 at 2025-01-16T00:00 (= to), C12 an upload, C13 outbound (R3's callback call), C14 still active
 * </pre>
 * Callback requests (queue, requested, promised, attempts as no@start outcome agent, state):
 * <pre>
 * R1 support 09:00 10:00 1@09:10 NO_ANSWER agent1, 2@09:40 ANSWERED agent1   DONE
 * R2 support 09:30 10:30 1@10:50 ANSWERED agent2                             DONE
 * R3 sales   10:31 11:31 1@10:35 ANSWERED agent1 (source ABANDONED, from C7)  DONE
 * R4 sales   10:45 11:45 1@11:00 BUSY, 2@11:20 NO_ANSWER, 3@11:50 FAILED (agent2) FAILED
 * R5 support 11:00 12:00 none                                                OPEN
 * R6 support 11:10 12:10 none                                                CANCELLED
 * not counted: R7 requested 2025-01-16T00:00
 * </pre>
 */
@SpringBootTest(classes = TelephonyTestApplication.class, webEnvironment = WebEnvironment.NONE)
@TestInstance(Lifecycle.PER_CLASS)
class CallCenterMetricsIntegrationTests {

	private static final Instant DAY = Instant.parse("2025-01-15T00:00:00Z");

	private static final Instant NEXT_DAY = Instant.parse("2025-01-16T00:00:00Z");

	private static final Instant BULK_DAY = Instant.parse("2025-01-17T00:00:00Z");

	private static final ZoneId UTC = ZoneOffset.UTC;

	@Autowired
	private CallCenterMetrics metrics;

	@Autowired
	private JdbcClient jdbc;

	@BeforeAll
	void scriptTheDay() {
		long c1 = call("support", "09:05", 10, 120.0, "ANSWERED", "agent1", "5550101");
		long c2 = call("support", "09:20", 30, 200.0, "ANSWERED", "agent1", "5550102");
		long c3 = call("support", "09:40", 20, 100.0, "ANSWERED", "agent2", "5550103");
		call("support", "09:50", 3, null, "ABANDONED", null, "5550104");
		call("support", "10:10", 40, null, "ABANDONED", null, "5550105");
		call("sales", "10:15", 5, null, "TIMEOUT", null, "5550106");
		long c7 = call("sales", "10:30", 8, null, "ABANDONED", null, "5550107");
		call("sales", "10:45", 15, null, "CALLBACK_REQUESTED", null, "5550108");
		long c9 = call("support", "11:00", 5, 60.0, "ANSWERED", "agent2", "5550105");
		call("support", "11:30", 5, null, "ABANDONED", null, "5550110");
		insertCall("ASTERISK", "INBOUND", "ENDED", "support", NEXT_DAY, 1, 10.0, "ANSWERED", "agent1", "5550111");
		insertCall("UPLOAD", "INBOUND", "ENDED", "support", at("12:00"), 1, 10.0, "ANSWERED", "agent1", "5550112");
		insertCall("ASTERISK", "OUTBOUND", "ENDED", "sales", at("10:35"), 0, 30.0, "CONNECTED", "agent1", "5550107");
		insertCall("ASTERISK", "INBOUND", "ACTIVE", "support", at("12:30"), 2, null, null, null, "5550114");
		survey(c1, null, 9);
		survey(c1, null, null);
		survey(c2, null, 3);
		leg(c3, "m-c3");
		survey(null, "m-c3", 8);
		survey(c9, null, 10);

		long r1 = request("support", "09:00", "10:00", "IVR", null, "DONE");
		attempt(r1, 1, "09:10", "NO_ANSWER", "agent1");
		attempt(r1, 2, "09:40", "ANSWERED", "agent1");
		attempt(request("support", "09:30", "10:30", "IVR", null, "DONE"), 1, "10:50", "ANSWERED", "agent2");
		attempt(request("sales", "10:31", "11:31", "ABANDONED", c7, "DONE"), 1, "10:35", "ANSWERED", "agent1");
		long r4 = request("sales", "10:45", "11:45", "IVR", null, "FAILED");
		attempt(r4, 1, "11:00", "BUSY", "agent2");
		attempt(r4, 2, "11:20", "NO_ANSWER", "agent2");
		attempt(r4, 3, "11:50", "FAILED", "agent2");
		request("support", "11:00", "12:00", "AGENT", null, "OPEN");
		request("support", "11:10", "12:10", "IVR", null, "CANCELLED");
		insertRequest("support", "5559999", NEXT_DAY, NEXT_DAY.plusSeconds(3600), "IVR", null, "OPEN");
		scriptTheBulkDay();
	}

	@Test
	void callsWhenGroupedByQueueShouldMatchHandComputedFigures() {
		List<CallStats> stats = this.metrics.calls(day(Grouping.QUEUE));

		assertThat(stats).extracting(CallStats::key).containsExactly("sales", "support");
		// sales: C6 C7 C8 offered; C7 abandoned (8 >= 5); C6 a timeout, not an abandon; SL 0 / (3 - 0) = 0 %.
		assertStats(stats.get(0), new CallStats("sales", 3, 0, 1, 0, 1, 1, 0, null, 0.0, null, 15.0, 0, null));
		// support: C1 C2 C3 C4 C5 C9 C10 = 7 offered, 4 answered, abandons C5 C10 = 2, short C4 = 1;
		// within 20 s: C1 (10) C3 (20) C9 (5) = 3; ASA (10 + 30 + 20 + 5) / 4 = 16.25; SL 3 / (7 - 1) = 50 %;
		// AHT (120 + 200 + 100 + 60) / 4 = 120; max wait 40 (C5); surveys 9 3 8 10 -> 30 / 4 = 7.5.
		assertStats(stats.get(1), new CallStats("support", 7, 4, 2, 1, 0, 0, 3, 16.25, 50.0, 120.0, 40.0, 4, 7.5));
	}

	@Test
	void callsWhenGroupedByAgentShouldPutUnhandledCallsUnderNull() {
		List<CallStats> stats = this.metrics.calls(day(Grouping.AGENT));

		assertThat(stats).extracting(CallStats::key).containsExactly("agent1", "agent2", null);
		// agent1: C1 C2; within: C1 only; ASA (10 + 30) / 2 = 20; SL 1 / 2 = 50 %; AHT (120 + 200) / 2 = 160;
		// surveys (9 + 3) / 2 = 6.
		assertStats(stats.get(0), new CallStats("agent1", 2, 2, 0, 0, 0, 0, 1, 20.0, 50.0, 160.0, 30.0, 2, 6.0));
		// agent2: C3 C9; both within; ASA (20 + 5) / 2 = 12.5; SL 100 %; AHT (100 + 60) / 2 = 80; (8 + 10) / 2 = 9.
		assertStats(stats.get(1), new CallStats("agent2", 2, 2, 0, 0, 0, 0, 2, 12.5, 100.0, 80.0, 20.0, 2, 9.0));
		// no agent: C4 C5 C6 C7 C8 C10 = 6; abandons C5 C7 C10 = 3; short C4; timeout C6; callback C8;
		// SL 0 / (6 - 1) = 0 %; max wait 40.
		assertStats(stats.get(2), new CallStats(null, 6, 0, 3, 1, 1, 1, 0, null, 0.0, null, 40.0, 0, null));
	}

	@Test
	void callsWhenGroupedByHourShouldCutTheDayInHours() {
		List<CallStats> stats = this.metrics.calls(day(Grouping.HOUR));

		assertThat(stats).extracting(CallStats::key)
			.containsExactly("2025-01-15T09:00", "2025-01-15T10:00", "2025-01-15T11:00");
		// 09h: C1 C2 C3 C4; within C1 C3; ASA (10 + 30 + 20) / 3 = 20; SL 2 / (4 - 1); AHT (120 + 200 + 100) / 3
		// = 140; surveys (9 + 3 + 8) / 3.
		assertStats(stats.get(0), new CallStats("2025-01-15T09:00", 4, 3, 0, 1, 0, 0, 2, 20.0, 100.0 * 2 / 3, 140.0,
				30.0, 3, 20.0 / 3));
		// 10h: C5 C6 C7 C8; abandons C5 C7; timeout C6; callback C8; SL 0 / 4.
		assertStats(stats.get(1),
				new CallStats("2025-01-15T10:00", 4, 0, 2, 0, 1, 1, 0, null, 0.0, null, 40.0, 0, null));
		// 11h: C9 C10; C10 waited exactly 5 s: an abandon; SL 1 / 2 = 50 %.
		assertStats(stats.get(2),
				new CallStats("2025-01-15T11:00", 2, 1, 1, 0, 0, 0, 1, 5.0, 50.0, 60.0, 5.0, 1, 10.0));
	}

	@Test
	void callsWhenGroupedByDayShouldCutDaysInTheGivenZone() {
		// At UTC-10 the calls before 10:00 UTC (C1-C4) fall on the 14th, C5-C10 on the 15th.
		for (ZoneId zone : List.of(ZoneOffset.ofHours(-10), ZoneId.of("Pacific/Honolulu"))) {
			List<CallStats> stats = this.metrics.calls(new MetricsQuery(DAY, NEXT_DAY, zone, Grouping.DAY));
			assertThat(stats).extracting(CallStats::key, CallStats::offered)
				.containsExactly(tuple("2025-01-14", 4L),
						tuple("2025-01-15", 6L));
		}
	}

	@Test
	void callsAndCallbacksWhenRangeEmptyShouldReturnNoRows() {
		MetricsQuery empty = new MetricsQuery(DAY.minusSeconds(86400), DAY, UTC, Grouping.QUEUE);

		assertThat(this.metrics.calls(empty)).isEmpty();
		assertThat(this.metrics.callbacks(empty)).isEmpty();
	}

	@Test
	void callbacksWhenGroupedByQueueShouldMatchHandComputedFigures() {
		List<CallbackStats> stats = this.metrics.callbacks(day(Grouping.QUEUE));

		assertThat(stats).extracting(CallbackStats::key).containsExactly("sales", "support");
		// sales: R3 R4; first attempt after 4 min (240 s) and 15 min (900 s): avg 570, p90 (nearest rank of 2) 900;
		// R3 attempted 10:35 for 11:31: 56 min early = -3360 s; attempts (1 + 3) / 2 = 2; first success R3 = 50 %;
		// done within promise R3 of R3 R4 = 50 %; abandoned callers C7, reached by R3.
		assertCallbacks(stats.get(0), new CallbackStats("sales", 2, 1, 570.0, 900.0, -3360.0, 2.0, 50.0, 50.0, 1, 1));
		// support: R1 R2 R5 R6; first attempts 10 min (600 s) and 80 min (4800 s): avg 2700, p90 4800;
		// punctuality R1 09:40 - 10:00 = -1200, R2 10:50 - 10:30 = +1200: avg 0; attempts (2 + 1) / 2 = 1.5;
		// first success R2 only = 50 %; within promise R1 of R1 R2 R5 (R6 cancelled) = 33.3 %;
		// abandoned callers C5 C10 (C4 short), C5 reached by C9.
		assertCallbacks(stats.get(1),
				new CallbackStats("support", 4, 2, 2700.0, 4800.0, 0.0, 1.5, 50.0, 100.0 / 3, 2, 1));
	}

	@Test
	void callbacksWhenGroupedByAgentShouldCreditTheSuccessfulAttempt() {
		List<CallbackStats> stats = this.metrics.callbacks(day(Grouping.AGENT));

		assertThat(stats).extracting(CallbackStats::key).containsExactly("agent1", "agent2", null);
		// agent1: R1 R3; first attempts 600 and 240: avg 420, p90 600; punctuality (-1200 - 3360) / 2 = -2280;
		// attempts (2 + 1) / 2 = 1.5; first success R3 = 50 %; both within promise = 100 %.
		assertCallbacks(stats.get(0), new CallbackStats("agent1", 2, 2, 420.0, 600.0, -2280.0, 1.5, 50.0, 100.0, 0, 0));
		// agent2: R2, 4800 s, 20 min late, 1 attempt, first success, not within promise.
		assertCallbacks(stats.get(1), new CallbackStats("agent2", 1, 1, 4800.0, 4800.0, 1200.0, 1.0, 100.0, 0.0, 0, 0));
		// not done: R4 R5 R6; only R4 attempted (900 s, 3 attempts, first failed); within 0 of R4 R5;
		// abandoned callers C5 C7 C10 belong to no agent, C5 and C7 reached.
		assertCallbacks(stats.get(2), new CallbackStats(null, 3, 0, 900.0, 900.0, null, 3.0, 0.0, 0.0, 3, 2));
	}

	@Test
	void callbacksWhenGroupedByDayShouldAggregateTheWholeDay() {
		List<CallbackStats> stats = this.metrics.callbacks(day(Grouping.DAY));

		// R1-R6; first attempts 240 600 900 4800: avg 6540 / 4 = 1635, p90 = 4th of 4 (cume_dist 1.0 >= 0.9);
		// punctuality (-1200 + 1200 - 3360) / 3 = -1120; attempts 7 / 4 = 1.75; first success R2 R3 = 2 / 4;
		// within promise R1 R3 of 5 not cancelled = 40 %; abandoned C5 C7 C10, reached C5 C7.
		assertThat(stats).singleElement()
			.satisfies((day) -> assertCallbacks(day,
					new CallbackStats("2025-01-15", 6, 3, 1635.0, 4800.0, -1120.0, 1.75, 50.0, 40.0, 3, 2)));
	}

	@Test
	void callbacksWhenElevenRequestsShouldTakeP90AsTheTenthFastest() {
		List<CallbackStats> stats = this.metrics
			.callbacks(new MetricsQuery(BULK_DAY, BULK_DAY.plusSeconds(86400), UTC, Grouping.QUEUE));

		// First attempts after 60, 120, ..., 660 s: avg 360; nearest rank ceil(0.9 * 11) = 10th = 600.
		// Each promised 1 h after its request and answered first time after i min: punctuality avg 360 - 3600 = -3240.
		assertCallbacks(stats.get(0), new CallbackStats("bulk", 11, 11, 360.0, 600.0, -3240.0, 1.0, 100.0, 100.0, 0, 0));
	}

	private void scriptTheBulkDay() {
		for (int i = 1; i <= 11; i++) {
			Instant requested = BULK_DAY.plusSeconds(3600L * i);
			long id = insertRequest("bulk", "55580" + i, requested, requested.plusSeconds(3600), "IVR", null, "DONE");
			insertAttempt(id, 1, requested.plusSeconds(60L * i), "ANSWERED", "agent1");
		}
	}

	private static MetricsQuery day(Grouping grouping) {
		return new MetricsQuery(DAY, NEXT_DAY, UTC, grouping);
	}

	private static void assertStats(CallStats actual, CallStats expected) {
		assertThat(actual).usingRecursiveComparison()
			.withComparatorForType(Comparator.comparingDouble((Double d) -> Math.round(d * 1e9) / 1e9), Double.class)
			.isEqualTo(expected);
	}

	private static void assertCallbacks(CallbackStats actual, CallbackStats expected) {
		assertThat(actual).usingRecursiveComparison()
			.withComparatorForType(Comparator.comparingDouble((Double d) -> Math.round(d * 1e9) / 1e9), Double.class)
			.isEqualTo(expected);
	}

	private static Instant at(String time) {
		return Instant.parse("2025-01-15T" + time + ":00Z");
	}

	private long call(String queue, String joined, double wait, @Nullable Double talk, String outcome,
			@Nullable String agent, String caller) {
		return insertCall("ASTERISK", "INBOUND", "ENDED", queue, at(joined), wait, talk, outcome, agent, caller);
	}

	private long insertCall(String source, String direction, String state, String queue, Instant entered, double wait,
			@Nullable Double talk, @Nullable String outcome, @Nullable String agent, String caller) {
		Instant started = entered.minusSeconds(2);
		return this.jdbc.sql("""
				insert into call (source, agent, queue, direction, caller_number, started_at, ended_at, outcome, state,
				    entered_at, wait_sec, talk_sec)
				values (:source, :agent, :queue, :direction, :caller, :started, :ended, :outcome, :state,
				    :entered, :wait, :talk) returning id""")
			.param("source", source)
			.param("agent", agent)
			.param("queue", queue)
			.param("direction", direction)
			.param("caller", caller)
			.param("started", Timestamp.from(started))
			.param("ended", Timestamp.from(entered.plusSeconds((long) wait + ((talk != null) ? talk.longValue() : 0))))
			.param("outcome", outcome)
			.param("state", state)
			.param("entered", Timestamp.from(entered))
			.param("wait", wait)
			.param("talk", talk)
			.query(Long.class)
			.single();
	}

	private void leg(long callId, String uniqueid) {
		this.jdbc.sql("insert into call_leg (server, uniqueid, call_id, channel) values ('pbx1', :u, :c, 'Local/x;1')")
			.param("u", uniqueid)
			.param("c", callId)
			.update();
	}

	private void survey(@Nullable Long callId, @Nullable String uniqueid, @Nullable Integer score) {
		this.jdbc.sql("""
				insert into survey_response (call_id, uniqueid, score, answered_at)
				values (:callId, :uniqueid, :score, :at)""")
			.param("callId", callId)
			.param("uniqueid", uniqueid)
			.param("score", score)
			.param("at", Timestamp.from(at("12:00")))
			.update();
	}

	private long request(String queue, String requested, String promised, String source, @Nullable Long originCallId,
			String state) {
		return insertRequest(queue, "555" + requested.replace(":", ""), at(requested), at(promised), source,
				originCallId, state);
	}

	private long insertRequest(String queue, String number, Instant requested, Instant promised, String source,
			@Nullable Long originCallId, String state) {
		return this.jdbc.sql("""
				insert into callback_request (queue, number, source, origin_call_id, requested_at, promised_by,
				    next_attempt_at, state, max_attempts)
				values (:queue, :number, :source, :origin, :requested, :promised, :requested, :state, 3) returning id""")
			.param("queue", queue)
			.param("number", number)
			.param("source", source)
			.param("origin", originCallId)
			.param("requested", Timestamp.from(requested))
			.param("promised", Timestamp.from(promised))
			.param("state", state)
			.query(Long.class)
			.single();
	}

	private void attempt(long requestId, int no, String started, String outcome, String agent) {
		insertAttempt(requestId, no, at(started), outcome, agent);
	}

	private void insertAttempt(long requestId, int no, Instant started, String outcome, String agent) {
		this.jdbc.sql("""
				insert into callback_attempt (request_id, attempt_no, agent, action_id, started_at, ended_at, outcome)
				values (:request, :no, :agent, :actionId, :started, :started, :outcome)""")
			.param("request", requestId)
			.param("no", no)
			.param("agent", agent)
			.param("actionId", "m-" + requestId + "-" + no)
			.param("started", Timestamp.from(started))
			.param("outcome", outcome)
			.update();
	}

}
