package io.callqa.qaconsole.calls;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.callqa.qaconsole.users.CallQaUser;
import io.callqa.telephony.CallDetails;
import io.callqa.telephony.Calls;

/**
 * Who may see a call: an agent only their own calls, everyone else every call. Also writes the audit log of
 * recording playbacks and downloads.
 */
@Component
public class CallAccess {

	private final Calls calls;

	private final JdbcClient jdbc;

	CallAccess(Calls calls, JdbcClient jdbc) {
		this.calls = calls;
		this.jdbc = jdbc;
	}

	/** The call, if {@code user} may see it; otherwise {@link CallAccessDeniedException}. */
	public CallDetails readable(long callId, CallQaUser user) {
		CallDetails call = this.calls.find(callId);
		String scope = user.agentScope();
		if (scope != null && !scope.equals(call.agent())) {
			throw new CallAccessDeniedException(callId);
		}
		return call;
	}

	void audit(CallQaUser user, long callId, boolean download, String range) {
		this.jdbc.sql("insert into recording_access (username, call_id, action, range) values (:u, :c, :a, :r)")
			.param("u", user.getUsername())
			.param("c", callId)
			.param("a", download ? "DOWNLOAD" : "PLAY")
			.param("r", range)
			.update();
	}

}
