package io.callqa.telephony;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One alert as a supervisor sees it; open until acknowledged.
 *
 * @param callbackRequestId the callback request an {@link AlertKind#OVERDUE_CALLBACK} is about
 */
public record SupervisorAlert(long id, AlertKind kind, @Nullable Long callId, @Nullable String agent,
		@Nullable String queue, String detail, Instant createdAt, @Nullable Long callbackRequestId,
		@Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy) {

	public boolean open() {
		return this.acknowledgedAt == null;
	}

}
