package io.callqa.qaconsole.system;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import io.callqa.telephony.AsteriskConnector;
import io.callqa.telephony.ConnectorStatus;

/**
 * Reports the AMI connections in {@code /actuator/health}: down while a configured Asterisk server is not connected
 * (calls are then not followed), with each server's state and the event lag.
 */
@Component("asterisk")
class AsteriskHealthIndicator implements HealthIndicator {

	private final AsteriskConnector connections;

	AsteriskHealthIndicator(AsteriskConnector connections) {
		this.connections = connections;
	}

	@Override
	public Health health() {
		ConnectorStatus status = this.connections.status();
		Health.Builder health = status.allConnected() ? Health.up() : Health.down();
		status.servers().forEach((server) -> health.withDetail(server.name(), server));
		return health.withDetail("queuedEvents", status.queued())
			.withDetail("droppedEvents", status.dropped())
			.withDetail("lagP99Millis", status.lagP99Millis())
			.build();
	}

}
