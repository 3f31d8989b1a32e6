package io.callqa.qaconsole.calibration;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.callqa.qaconsole.calldata.CallRows;

/**
 * Calls in calibration sessions: erasure drops the participants' and the agreed answers' comments and keeps the
 * answers (agreement figures); retention takes the calls out of their sessions.
 */
@Component
class CalibrationCallRows implements CallRows {

	private final JdbcClient jdbc;

	CalibrationCallRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Written> writtenAbout(Collection<Long> callIds) {
		return this.jdbc.sql("""
				select call_id, answered_at as at, comment from calibration_answer
				where call_id = any(:ids) and comment is not null
				union all
				select call_id, decided_at, comment from calibration_agreed
				where call_id = any(:ids) and comment is not null
				order by 1, 2""")
			.param("ids", callIds.toArray(Long[]::new))
			.query((rs, row) -> new Written("calibration comment", rs.getLong("call_id"),
					rs.getTimestamp("at").toInstant(), rs.getString("comment")))
			.list();
	}

	@Override
	public int erase(Collection<Long> callIds) {
		Long[] ids = callIds.toArray(Long[]::new);
		int answers = this.jdbc.sql("update calibration_answer set comment = null where call_id = any(:ids)")
			.param("ids", ids)
			.update();
		return answers + this.jdbc.sql("update calibration_agreed set comment = null where call_id = any(:ids)")
			.param("ids", ids)
			.update();
	}

	@Override
	public int delete(Collection<Long> callIds) {
		Long[] ids = callIds.toArray(Long[]::new);
		int deleted = this.jdbc.sql("delete from calibration_answer where call_id = any(:ids)").param("ids", ids).update();
		deleted += this.jdbc.sql("delete from calibration_agreed where call_id = any(:ids)").param("ids", ids).update();
		return deleted + this.jdbc.sql("delete from calibration_call where call_id = any(:ids)")
			.param("ids", ids)
			.update();
	}

}
