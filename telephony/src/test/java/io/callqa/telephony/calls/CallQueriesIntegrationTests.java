package io.callqa.telephony.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.callqa.TelephonyTestApplication;
import io.callqa.telephony.CallSummary;
import io.callqa.telephony.Calls;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tests for the queries {@link Calls} answers for other modules (scoring's sample, search's outcome filter), so they
 * need not read the {@code call} and {@code recording} tables themselves.
 */
@SpringBootTest(classes = TelephonyTestApplication.class, webEnvironment = WebEnvironment.NONE)
class CallQueriesIntegrationTests {

	private static final Instant FROM = Instant.parse("2026-02-01T00:00:00Z");

	private static final Instant TO = Instant.parse("2026-02-02T00:00:00Z");

	@Autowired
	private Calls calls;

	@Autowired
	private JdbcClient jdbc;

	private final String agent = "agent-" + UUID.randomUUID();

	@Test
	void summariesShouldGiveEachKnownCallByIdAndLeaveOutUnknownIds() {
		long answered = insertCall(this.agent, FROM.plusSeconds(60), "ANSWERED");
		long abandoned = insertCall(null, FROM.plusSeconds(120), "ABANDONED");
		insertRecording(answered);

		Map<Long, CallSummary> summaries = this.calls.summaries(List.of(answered, abandoned, Long.MAX_VALUE));

		assertThat(summaries).containsOnlyKeys(answered, abandoned);
		assertThat(summaries.get(answered).agent()).isEqualTo(this.agent);
		assertThat(summaries.get(answered).outcome()).isEqualTo("ANSWERED");
		assertThat(summaries.get(answered).hasRecording()).isTrue();
		assertThat(summaries.get(abandoned).outcome()).isEqualTo("ABANDONED");
		assertThat(summaries.get(abandoned).hasRecording()).isFalse();
		assertThat(this.calls.summaries(List.of())).isEmpty();
	}

	@Test
	void recordedCallIdsShouldListTheAgentsRecordedCallsStartedInTheRangeOnly() {
		long atFrom = insertCall(this.agent, FROM, "ANSWERED");
		long inside = insertCall(this.agent, TO.minusSeconds(1), "ANSWERED");
		long unrecorded = insertCall(this.agent, FROM.plusSeconds(60), "ANSWERED");
		long atTo = insertCall(this.agent, TO, "ANSWERED");
		long before = insertCall(this.agent, FROM.minusSeconds(1), "ANSWERED");
		long otherAgent = insertCall(this.agent + "-other", FROM.plusSeconds(60), "ANSWERED");
		for (long id : List.of(atFrom, inside, atTo, before, otherAgent)) {
			insertRecording(id);
		}

		assertThat(this.calls.recordedCallIds(this.agent, FROM, TO)).containsExactly(atFrom, inside)
			.doesNotContain(unrecorded);
	}

	private long insertCall(String agent, Instant startedAt, String outcome) {
		return this.jdbc.sql("""
				insert into call (source, agent, queue, direction, started_at, outcome)
				values ('UPLOAD', :agent, 'support', 'INBOUND', :started, :outcome) returning id""")
			.param("agent", agent)
			.param("started", Timestamp.from(startedAt))
			.param("outcome", outcome)
			.query(Long.class)
			.single();
	}

	private void insertRecording(long callId) {
		this.jdbc.sql("""
				insert into recording (call_id, path, original_name, size_bytes)
				values (:id, 'none.wav', 'none.wav', 0)""")
			.param("id", callId)
			.update();
	}

}
