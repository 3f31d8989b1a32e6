package io.callqa.telephony.metrics;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The agent state metrics' SQL over {@code agent_state_interval} (written by the floor feature); read-only.
 */
@Repository
class AgentStateRepository {

	/**
	 * Seconds per agent, day, state and pause reason: every stretch cut into one piece per local day it touches, at
	 * the midnights of the zone (PostgreSQL turns each local midnight into its instant, so a day with a DST change
	 * has 23 or 25 hours), a stretch still going counted until now.
	 * <p>
	 * The stretches in the period are those that began in it, and of each agent the last one that began before it
	 * if that one was still going: an agent's stretches follow one another (the floor ends one as it opens the
	 * next), so no earlier one can reach into the period. Both are found through the indexes, so a report of a week
	 * does not read the years before it; the agents are listed by a loose index scan of {@code (agent, started_at)}.
	 */
	private static final String SECONDS_PER_DAY_AND_STATE = """
			with recursive period as (
			  select cast(:from as date)::timestamp at time zone :zone as lo,
			    (cast(:to as date) + 1)::timestamp at time zone :zone as hi),
			agents as (
			  select min(agent) as agent from agent_state_interval
			  where cast(:agent as text) is null or agent = cast(:agent as text)
			  union all
			  select (select min(i.agent) from agent_state_interval i where i.agent > a.agent)
			  from agents a where a.agent is not null and cast(:agent as text) is null),
			stretches as (
			  select i.agent, i.state, i.pause_reason, i.started_at, i.ended_at
			  from agent_state_interval i, period p
			  where i.started_at >= p.lo and i.started_at < p.hi
			    and (cast(:agent as text) is null or i.agent = cast(:agent as text))
			  union all
			  select l.agent, l.state, l.pause_reason, l.started_at, l.ended_at
			  from agents a cross join period p
			  cross join lateral (
			    select i.agent, i.state, i.pause_reason, i.started_at, i.ended_at from agent_state_interval i
			    where i.agent = a.agent and i.started_at < p.lo
			    order by i.started_at desc limit 1) l
			  where coalesce(l.ended_at, 'infinity') > p.lo),
			counted as (
			  select agent, state, coalesce(pause_reason, '') as reason, started_at,
			    coalesce(ended_at, greatest(now(), started_at)) as ended_at
			  from stretches),
			pieces as (
			  select s.agent, s.state, s.reason, g.day::date as day,
			    greatest(s.started_at, g.day::timestamp at time zone :zone) as piece_start,
			    least(s.ended_at, (g.day::date + 1)::timestamp at time zone :zone) as piece_end
			  from counted s
			  cross join lateral generate_series(greatest((s.started_at at time zone :zone)::date, cast(:from as date))::timestamp,
			    least((s.ended_at at time zone :zone)::date, cast(:to as date))::timestamp, interval '1 day') as g(day))
			select agent, day, state, reason, sum(extract(epoch from piece_end - piece_start))::float8 as sec
			from pieces
			where piece_end > piece_start
			group by 1, 2, 3, 4
			order by 1, 2, 3, 4""";

	private final JdbcClient jdbc;

	AgentStateRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<StateSeconds> secondsPerDayAndState(LocalDate from, LocalDate to, ZoneId zone, @Nullable String agent) {
		return this.jdbc.sql(SECONDS_PER_DAY_AND_STATE)
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.param("zone", MetricsRepository.postgresZone(zone))
			.param("agent", agent)
			.query((rs, row) -> new StateSeconds(rs.getString("agent"), rs.getDate("day").toLocalDate(),
					rs.getString("state"), rs.getString("reason"), rs.getDouble("sec")))
			.list();
	}

	/**
	 * The time one agent spent in one state (and pause reason, {@code ""} for none) on one day.
	 */
	record StateSeconds(String agent, LocalDate day, String state, String reason, double seconds) {
	}

}
