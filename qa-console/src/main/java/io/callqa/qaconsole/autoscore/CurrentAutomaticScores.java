package io.callqa.qaconsole.autoscore;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.callqa.transcription.AutomaticScores;

/**
 * The automatic scores that count now, for call lists, the search index and the leaderboard: each call's current
 * automatic evaluation with a supervisor's reviews applied (the effective score; the automatic one when nobody
 * reviewed it). Calls whose evaluation has no score (no rule applied, no agent) have none here.
 *
 * <p>The effective score is computed in SQL as {@link AutomaticEvaluationView#totals} computes it for the call page:
 * per item the latest review's outcome and points, else the rules'; 100 × Σ(weight × points / maximum) / Σ weight over
 * the items not N/A, rounded to two decimals; 0 when a critical item failed.
 */
@Component
public class CurrentAutomaticScores implements AutomaticScores {

	/**
	 * Per current evaluation ({@code e}), the effective score and critical flag: the stored ones unless the evaluation
	 * was reviewed.
	 */
	private static final String EFFECTIVE = """
			select e.id, e.call_id, e.agent,
			       case when r.evaluation_id is null then e.score else r.score end as score,
			       case when r.evaluation_id is null then e.critical_failed else r.critical_failed end as critical_failed
			from automatic_evaluation e
			left join lateral (
			    select i.evaluation_id,
			           bool_or(i.critical and x.outcome = 'FAIL') as critical_failed,
			           case when bool_or(i.critical and x.outcome = 'FAIL') then 0.0
			                when coalesce(sum(i.weight) filter (where x.outcome <> 'NA'), 0) = 0 then null
			                else round(cast(10000 * sum(i.weight * coalesce(x.points, 0) / i.max_points)
			                                  filter (where x.outcome <> 'NA')
			                                / sum(i.weight) filter (where x.outcome <> 'NA') as numeric)) / 100.0
			           end::float8 as score
			    from automatic_evaluation_item i
			    cross join lateral (
			        select coalesce(v.outcome, i.outcome) as outcome,
			               case when v.id is null then i.points else v.points end as points
			        from (select 1) one
			        left join lateral (select rv.id, rv.outcome, rv.points from automatic_review rv
			                           where rv.evaluation_id = i.evaluation_id and rv.item_key = i.item_key
			                           order by rv.id desc limit 1) v on true) x
			    where i.evaluation_id = e.id
			      and exists (select 1 from automatic_review rr where rr.evaluation_id = e.id)
			    group by i.evaluation_id) r on true
			where e.current""";

	private final JdbcClient jdbc;

	CurrentAutomaticScores(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Each call's effective automatic score; calls without one are absent. */
	public Map<Long, Result> ofCalls(Collection<Long> callIds) {
		Map<Long, Result> scores = new HashMap<>();
		if (callIds.isEmpty()) {
			return scores;
		}
		this.jdbc.sql("select * from (" + EFFECTIVE + " and e.call_id = any(cast(:ids as bigint[]))) s"
				+ " where s.score is not null")
			.param("ids", callIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
			.query((rs, row) -> scores.put(rs.getLong("call_id"),
					new Result(rs.getDouble("score"), rs.getBoolean("critical_failed"))))
			.list();
		return scores;
	}

	@Override
	public Map<Long, Result> automaticScores(Collection<Long> callIds) {
		return ofCalls(callIds);
	}

	/**
	 * Per agent, the average effective automatic score and the number of calls checked, over the calls started in
	 * [from, to) that have a current automatic score; mystery-shopper (test) calls are left out.
	 */
	public Map<String, AgentScore> ofAgents(Instant from, Instant to) {
		Map<String, AgentScore> scores = new HashMap<>();
		this.jdbc.sql("select s.agent, avg(s.score)::float8 as average, count(*) as n from (" + EFFECTIVE + """
				 and e.agent is not null
				 and exists (select 1 from call c where c.id = e.call_id and c.started_at >= :from and c.started_at < :to)
				 and not exists (select 1 from mystery_shopper_call m where m.call_id = e.call_id)) s
				where s.score is not null group by s.agent""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, row) -> scores.put(rs.getString("agent"),
					new AgentScore(Math.round(100 * rs.getDouble("average")) / 100.0, rs.getLong("n"))))
			.list();
		return scores;
	}

	/** An agent's average effective automatic score over {@code calls} calls checked. */
	public record AgentScore(double average, long calls) {
	}

}
