package io.callqa.telephony;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How the connector is doing, for health and metrics.
 *
 * @param queued events read but not yet handled
 * @param handled events handed to the handlers since start
 * @param dropped events dropped because the queue was full (should stay 0)
 * @param lagP50Millis median time from reading an event to its changes being written, over the recent events
 * @param lagP99Millis 99th percentile of the same
 */
public record ConnectorStatus(List<ServerStatus> servers, long queued, long handled, long dropped, double lagP50Millis,
		double lagP99Millis, double lagMaxMillis) {

	public ConnectorStatus {
		servers = List.copyOf(servers);
	}

	/** Whether every configured server is connected (true when none is configured). */
	public boolean allConnected() {
		return this.servers.stream().allMatch(ServerStatus::connected);
	}

	/**
	 * @param state the library's connection state: INITIAL, CONNECTING, CONNECTED, RECONNECTING, DISCONNECTING,
	 * DISCONNECTED
	 * @param lastError why the last login or connection failed, if it did
	 */
	public record ServerStatus(String name, String host, int port, String state, long events, long reconnects,
			@Nullable Instant connectedSince, @Nullable Instant lastEventAt, @Nullable Instant lastResyncAt,
			@Nullable String lastError) {

		public boolean connected() {
			return "CONNECTED".equals(this.state);
		}

	}

}
