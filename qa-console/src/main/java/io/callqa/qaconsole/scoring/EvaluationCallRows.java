package io.callqa.qaconsole.scoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.callqa.qaconsole.calldata.CallRows;

/** Evaluations of calls: erasure drops their comments and keeps the scores; retention deletes them. */
@Component
class EvaluationCallRows implements CallRows {

	private final JdbcClient jdbc;

	EvaluationCallRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Written> writtenAbout(Collection<Long> callIds) {
		return this.jdbc.sql("""
				select e.call_id, e.created_at as at, 'evaluation comment' as kind, e.comment as text
				  from evaluation e where e.call_id = any(:ids) and e.comment is not null
				union all
				select e.call_id, e.responded_at, 'agent comment', e.agent_comment
				  from evaluation e where e.call_id = any(:ids) and e.agent_comment is not null
				union all
				select e.call_id, e.resolved_at, 'resolution comment', e.resolution_comment
				  from evaluation e where e.call_id = any(:ids) and e.resolution_comment is not null
				union all
				select e.call_id, e.created_at, 'evaluation item comment', i.comment
				  from evaluation_item i join evaluation e on e.id = i.evaluation_id
				 where e.call_id = any(:ids) and i.comment is not null
				order by 1, 2""")
			.param("ids", callIds.toArray(Long[]::new))
			.query((rs, row) -> new Written(rs.getString("kind"), rs.getLong("call_id"), instant(rs.getTimestamp("at")),
					rs.getString("text")))
			.list();
	}

	@Override
	public int erase(Collection<Long> callIds) {
		Long[] ids = callIds.toArray(Long[]::new);
		int items = this.jdbc.sql("""
				update evaluation_item set comment = null
				where comment is not null and evaluation_id in (select id from evaluation where call_id = any(:ids))""")
			.param("ids", ids)
			.update();
		return items + this.jdbc.sql("""
				update evaluation set comment = null, agent_comment = null, resolution_comment = null
				where call_id = any(:ids)""").param("ids", ids).update();
	}

	@Override
	public int delete(Collection<Long> callIds) {
		Long[] ids = callIds.toArray(Long[]::new);
		int items = this.jdbc.sql("""
				delete from evaluation_item where evaluation_id in (select id from evaluation where call_id = any(:ids))""")
			.param("ids", ids)
			.update();
		// One statement: revisions point at the ones they replace, all of the same call.
		return items + this.jdbc.sql("delete from evaluation where call_id = any(:ids)").param("ids", ids).update();
	}

	private static @Nullable Instant instant(@Nullable Timestamp at) {
		return (at != null) ? at.toInstant() : null;
	}

}
