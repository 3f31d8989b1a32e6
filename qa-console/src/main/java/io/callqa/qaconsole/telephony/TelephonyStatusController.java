package io.callqa.qaconsole.telephony;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.callqa.telephony.AsteriskConnector;
import io.callqa.telephony.ConnectorStatus;

/**
 * What the AMI connector is doing: each server's connection and the event lag.
 */
@RestController
class TelephonyStatusController {

	private final AsteriskConnector connections;

	TelephonyStatusController(AsteriskConnector connections) {
		this.connections = connections;
	}

	@GetMapping("/api/telephony/status")
	ConnectorStatus status() {
		return this.connections.status();
	}

}
