package io.callqa.qaconsole.telephony;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.callqa.telephony.CallCenterMetrics;
import io.callqa.telephony.CallStats;
import io.callqa.telephony.CallbackStats;
import io.callqa.telephony.Grouping;
import io.callqa.telephony.MetricsQuery;

/**
 * Manager metrics per queue, agent, day or hour (definitions in the README).
 */
@RestController
class MetricsController {

	private final CallCenterMetrics metrics;

	MetricsController(CallCenterMetrics metrics) {
		this.metrics = metrics;
	}

	@GetMapping("/api/metrics/calls")
	List<CallStats> calls(@RequestParam Instant from, @RequestParam Instant to,
			@RequestParam(defaultValue = "QUEUE") Grouping groupBy, @RequestParam(defaultValue = "UTC") ZoneId zone) {
		return this.metrics.calls(new MetricsQuery(from, to, zone, groupBy));
	}

	@GetMapping("/api/metrics/callbacks")
	List<CallbackStats> callbacks(@RequestParam Instant from, @RequestParam Instant to,
			@RequestParam(defaultValue = "QUEUE") Grouping groupBy, @RequestParam(defaultValue = "UTC") ZoneId zone) {
		return this.metrics.callbacks(new MetricsQuery(from, to, zone, groupBy));
	}

}
