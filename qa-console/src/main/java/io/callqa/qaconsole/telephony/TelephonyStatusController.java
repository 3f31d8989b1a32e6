package io.callqa.qaconsole.telephony;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.callqa.telephony.ami.AmiConnections;
import io.callqa.telephony.ami.AmiStatus;

/**
 * What the AMI connector is doing: each server's connection and the event lag.
 */
@RestController
class TelephonyStatusController {

	private final AmiConnections connections;

	TelephonyStatusController(AmiConnections connections) {
		this.connections = connections;
	}

	@GetMapping("/api/telephony/status")
	AmiStatus status() {
		return this.connections.status();
	}

}
