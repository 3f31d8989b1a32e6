package io.callqa.qaconsole.dashboard;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.callqa.telephony.CallStats;
import io.callqa.telephony.Grouping;
import io.callqa.telephony.MetricsQuery;

/**
 * The manager dashboard's numbers, and the same call metrics as CSV.
 */
@RestController
class DashboardController {

	private static final String CSV_HEADER = "key,offered,answered,abandoned,short_abandoned,timeouts,"
			+ "callback_requested,answered_within_threshold,asa_sec,service_level_pct,aht_sec,max_wait_sec,"
			+ "survey_responses,average_survey_score";

	private final Dashboard dashboard;

	DashboardController(Dashboard dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping("/api/dashboard")
	Dashboard.View dashboard(@RequestParam Instant from, @RequestParam Instant to,
			@RequestParam(defaultValue = "DAY") Grouping groupBy, @RequestParam(defaultValue = "UTC") ZoneId zone) {
		return this.dashboard.view(new MetricsQuery(from, to, zone, groupBy));
	}

	@GetMapping("/api/dashboard/export.csv")
	ResponseEntity<String> export(@RequestParam Instant from, @RequestParam Instant to,
			@RequestParam(defaultValue = "DAY") Grouping groupBy, @RequestParam(defaultValue = "UTC") ZoneId zone) {
		List<CallStats> rows = this.dashboard.calls(new MetricsQuery(from, to, zone, groupBy));
		String csv = Stream.concat(Stream.of(CSV_HEADER), rows.stream().map(DashboardController::line))
			.collect(Collectors.joining("\r\n", "", "\r\n"));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv"))
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "sandbox")
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"callqa-" + groupBy.name()
				.toLowerCase(Locale.ROOT) + ".csv\"")
			.body(csv);
	}

	private static String line(CallStats s) {
		return String.join(",", CsvCell.text(s.key()), n(s.offered()), n(s.answered()), n(s.abandoned()),
				n(s.shortAbandoned()), n(s.timeouts()), n(s.callbackRequested()), n(s.answeredWithinThreshold()),
				d(s.asaSec()), d(s.serviceLevelPct()), d(s.ahtSec()), d(s.maxWaitSec()), n(s.surveyResponses()),
				d(s.averageSurveyScore()));
	}

	private static String n(long value) {
		return Long.toString(value);
	}

	private static String d(@Nullable Double value) {
		return (value != null) ? String.format(Locale.ROOT, "%.2f", value) : "";
	}

}
