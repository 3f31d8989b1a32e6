package io.callqa.telephony;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Alerts for supervisors (a low survey score, an overdue callback), raised by features and acknowledged by a
 * supervisor.
 */
public interface SupervisorAlerts {

	/**
	 * Raises an alert; joins the caller's transaction, so it commits or rolls back with what caused it.
	 * @param callId the call it is about, if known (must exist)
	 * @return the new alert's id
	 */
	long raise(AlertKind kind, @Nullable Long callId, @Nullable String agent, @Nullable String queue, String detail);

	/** Alerts not yet acknowledged that match the filter, newest first. */
	List<SupervisorAlert> open(AlertFilter filter);

	/** Every alert that matches the filter, acknowledged or not, newest first. */
	List<SupervisorAlert> all(AlertFilter filter);

	/**
	 * Marks an alert as seen; acknowledging it again changes nothing.
	 * @return the alert as stored
	 * @throws AlertNotFoundException if no alert has this id
	 */
	SupervisorAlert acknowledge(long id, String user);

	/**
	 * Raises {@link AlertKind#OVERDUE_CALLBACK} once per callback request still {@code OPEN} or {@code DIALLING}
	 * after its promised time; requests already alerted are skipped.
	 * @param now the time the promises are compared with
	 * @return how many alerts were raised
	 */
	int raiseOverdueCallbacks(Instant now);

}
