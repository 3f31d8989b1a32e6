package io.callqa.qaconsole.telephony;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.callqa.telephony.AlertFilter;
import io.callqa.telephony.AlertKind;
import io.callqa.telephony.SupervisorAlert;
import io.callqa.telephony.SupervisorAlerts;

/**
 * Supervisor alerts: low survey scores, overdue callbacks.
 */
@RestController
class AlertController {

	private final SupervisorAlerts alerts;

	AlertController(SupervisorAlerts alerts) {
		this.alerts = alerts;
	}

	@GetMapping("/api/alerts")
	List<SupervisorAlert> alerts(@RequestParam(required = false) @Nullable AlertKind kind,
			@RequestParam(required = false) @Nullable String queue,
			@RequestParam(required = false) @Nullable String agent,
			@RequestParam(required = false) @Nullable Instant from, @RequestParam(required = false) @Nullable Instant to,
			@RequestParam(defaultValue = "true") boolean open) {
		AlertFilter filter = new AlertFilter(kind, queue, agent, from, to);
		return open ? this.alerts.open(filter) : this.alerts.all(filter);
	}

	@PostMapping("/api/alerts/{id}/acknowledge")
	SupervisorAlert acknowledge(@PathVariable long id, @Nullable Principal user) {
		return this.alerts.acknowledge(id, (user != null) ? user.getName() : "anonymous");
	}

}
