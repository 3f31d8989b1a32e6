package io.callqa.qaconsole.dashboard;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.callqa.telephony.AgentDay;
import io.callqa.telephony.AgentStateMetrics;

/**
 * Where agents' days went (login, available, ringing, on call, paused by reason, unavailable, occupancy,
 * utilization), per agent and day of the zone, for the dashboard's card and as CSV. Staff only, as the dashboard.
 */
@RestController
class AgentStatesController {

	private static final String CSV_HEADER = "agent,day,login_sec,available_sec,ringing_sec,on_call_sec,paused_sec,"
			+ "unavailable_sec,occupancy_pct,utilization_pct";

	/** The header of a pause reason's column; a reason is free text from Asterisk, so its cell is made safe. */
	private static final String REASON_COLUMN = "paused_sec:";

	private final AgentStateMetrics metrics;

	AgentStatesController(AgentStateMetrics metrics) {
		this.metrics = metrics;
	}

	/**
	 * @param from first day, {@code to} last day (both included), days of {@code zone}
	 */
	@GetMapping("/api/dashboard/agent-states")
	List<AgentDay> agentStates(@RequestParam LocalDate from, @RequestParam LocalDate to,
			@RequestParam(defaultValue = "UTC") ZoneId zone, @RequestParam(required = false) @Nullable String agent) {
		return this.metrics.agentDays(from, to, zone, blankToNull(agent));
	}

	/**
	 * One line per agent and day; one column per pause reason met in the period ({@code paused_sec:} and the
	 * reason, {@code paused_sec:} alone for pauses without one).
	 */
	@GetMapping("/api/dashboard/agent-states.csv")
	ResponseEntity<String> export(@RequestParam LocalDate from, @RequestParam LocalDate to,
			@RequestParam(defaultValue = "UTC") ZoneId zone, @RequestParam(required = false) @Nullable String agent) {
		List<AgentDay> days = this.metrics.agentDays(from, to, zone, blankToNull(agent));
		List<String> reasons = new ArrayList<>(days.stream()
			.flatMap((day) -> day.pausedByReason().keySet().stream())
			.collect(Collectors.toCollection(TreeSet::new)));
		String header = Stream
			.concat(Stream.of(CSV_HEADER), reasons.stream().map((reason) -> CsvCell.text(REASON_COLUMN + reason)))
			.collect(Collectors.joining(","));
		String csv = Stream.concat(Stream.of(header), days.stream().map((day) -> line(day, reasons)))
			.collect(Collectors.joining("\r\n", "", "\r\n"));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv"))
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "sandbox")
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"callqa-agent-states-" + from + "-" + to
					+ ".csv\"")
			.body(csv);
	}

	private static String line(AgentDay day, List<String> reasons) {
		Stream<String> fixed = Stream.of(CsvCell.text(day.agent()), day.day().toString(), n(day.loginSec()),
				n(day.availableSec()), n(day.ringingSec()), n(day.onCallSec()), n(day.pausedSec()),
				n(day.unavailableSec()), percent(day.occupancy()), percent(day.utilization()));
		Stream<String> perReason = reasons.stream().map((reason) -> n(day.pausedByReason().getOrDefault(reason, 0L)));
		return Stream.concat(fixed, perReason).collect(Collectors.joining(","));
	}

	private static String n(long value) {
		return Long.toString(value);
	}

	private static String percent(@Nullable Double ratio) {
		return (ratio != null) ? String.format(Locale.ROOT, "%.2f", 100 * ratio) : "";
	}

	private static @Nullable String blankToNull(@Nullable String agent) {
		return (agent == null || agent.isBlank()) ? null : agent;
	}

}
