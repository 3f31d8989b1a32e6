package io.callqa.qaconsole.autoscore;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.callqa.qaconsole.calldata.CallRows;

/**
 * Automatic evaluations of calls: erasure drops the items' reasons and evidence (quotes of the transcript) and the
 * reviewers' comments, and keeps scores and outcomes; retention deletes them.
 */
@Component
class AutomaticEvaluationCallRows implements CallRows {

	private final JdbcClient jdbc;

	AutomaticEvaluationCallRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Written> writtenAbout(Collection<Long> callIds) {
		return this.jdbc.sql("""
				select e.call_id, r.reviewed_at, r.comment from automatic_review r
				join automatic_evaluation e on e.id = r.evaluation_id
				where e.call_id = any(:ids) and coalesce(r.comment, '') <> '' order by e.call_id, r.reviewed_at""")
			.param("ids", callIds.toArray(Long[]::new))
			.query((rs, row) -> new Written("review comment", rs.getLong("call_id"),
					rs.getTimestamp("reviewed_at").toInstant(), rs.getString("comment")))
			.list();
	}

	@Override
	public int erase(Collection<Long> callIds) {
		Long[] ids = callIds.toArray(Long[]::new);
		int items = this.jdbc.sql("""
				update automatic_evaluation_item set reason = null, evidence = '[]'
				where evaluation_id in (select id from automatic_evaluation where call_id = any(:ids))""")
			.param("ids", ids)
			.update();
		// An override must keep a comment (a check): an empty one.
		return items + this.jdbc.sql("""
				update automatic_review set comment = case when action = 'OVERRIDE' then '' end
				where evaluation_id in (select id from automatic_evaluation where call_id = any(:ids))""")
			.param("ids", ids)
			.update();
	}

	@Override
	public int delete(Collection<Long> callIds) {
		Long[] ids = callIds.toArray(Long[]::new);
		int reviews = this.jdbc.sql("""
				delete from automatic_review
				where evaluation_id in (select id from automatic_evaluation where call_id = any(:ids))""")
			.param("ids", ids)
			.update();
		// Items go with their evaluation (on delete cascade).
		return reviews + this.jdbc.sql("delete from automatic_evaluation where call_id = any(:ids)")
			.param("ids", ids)
			.update();
	}

}
