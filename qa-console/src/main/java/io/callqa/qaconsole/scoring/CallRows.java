package io.callqa.qaconsole.scoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.callqa.telephony.CallSummary;
import io.callqa.telephony.Calls;

/**
 * What scoring knows of calls: a call's agent and queue, and calls still waiting for an evaluation. The calls come
 * from telephony's {@link Calls} (telephony owns their tables); only the {@code evaluation} table is read here.
 */
@Component
class CallRows {

	private final Calls calls;

	private final JdbcClient jdbc;

	CallRows(Calls calls, JdbcClient jdbc) {
		this.calls = calls;
		this.jdbc = jdbc;
	}

	Optional<CallSummary> find(long callId) {
		return Optional.ofNullable(this.calls.summaries(List.of(callId)).get(callId));
	}

	/**
	 * Recorded calls of the agent in [from, to) that nobody has evaluated, in random order: telephony names the
	 * recorded calls, then one query on our own table keeps the unevaluated ones and draws the sample.
	 */
	List<SampledCall> unevaluated(String agent, Instant from, Instant to, int count) {
		List<Long> recorded = this.calls.recordedCallIds(agent, from, to);
		if (recorded.isEmpty()) {
			return List.of();
		}
		List<Long> sample = this.jdbc.sql("""
				select t.id from unnest(cast(:ids as bigint[])) as t(id)
				where not exists (select 1 from evaluation e where e.call_id = t.id)
				order by random() limit :count""")
			.param("ids", recorded.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
			.param("count", count)
			.query(Long.class)
			.list();
		Map<Long, CallSummary> summaries = this.calls.summaries(sample);
		return sample.stream().map(summaries::get).filter(Objects::nonNull).map(SampledCall::of).toList();
	}

}
