package io.callqa.qaconsole.system;

import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

import io.callqa.telephony.AsteriskConnector;
import io.callqa.telephony.ConnectorStatus;

/**
 * Publishes the AMI connector's state as gauges: connected servers, queued/handled/dropped events and the lag from
 * reading an event to its changes being in the database.
 */
@Component
class AsteriskMetrics implements MeterBinder {

	private final AsteriskConnector connections;

	AsteriskMetrics(AsteriskConnector connections) {
		this.connections = connections;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		gauge(registry, "callqa.ami.servers.connected", "Configured Asterisk servers currently connected",
				(status) -> status.servers().stream().filter(ConnectorStatus.ServerStatus::connected).count());
		gauge(registry, "callqa.ami.events.queued", "AMI events read but not yet handled", ConnectorStatus::queued);
		gauge(registry, "callqa.ami.events.handled", "AMI events handled since start", ConnectorStatus::handled);
		gauge(registry, "callqa.ami.events.dropped", "AMI events dropped (queue full)", ConnectorStatus::dropped);
		gauge(registry, "callqa.ami.events.lag.p50", "Event read to database, median (ms)", ConnectorStatus::lagP50Millis);
		gauge(registry, "callqa.ami.events.lag.p99", "Event read to database, p99 (ms)", ConnectorStatus::lagP99Millis);
	}

	private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<ConnectorStatus> value) {
		Gauge.builder(name, this.connections, (connections) -> value.applyAsDouble(connections.status()))
			.description(description)
			.register(registry);
	}

}
