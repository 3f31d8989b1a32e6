package io.callqa.qaconsole.calls;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.callqa.qaconsole.calldata.CallRows;

/**
 * Who played or downloaded a call's recording: staff's accountability, nothing of the customer, so erasure keeps it
 * (the call stays, anonymised); retention deletes it with the call.
 */
@Component
class RecordingAccessCallRows implements CallRows {

	private final JdbcClient jdbc;

	RecordingAccessCallRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Written> writtenAbout(Collection<Long> callIds) {
		return List.of();
	}

	@Override
	public int erase(Collection<Long> callIds) {
		return 0;
	}

	@Override
	public int delete(Collection<Long> callIds) {
		return this.jdbc.sql("delete from recording_access where call_id = any(:ids)")
			.param("ids", callIds.toArray(Long[]::new))
			.update();
	}

}
