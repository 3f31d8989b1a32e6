package io.callqa.qaconsole.standardsreport;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.callqa.qaconsole.dashboard.CsvCell;
import io.callqa.qaconsole.standardsreport.StandardsReport.Daily;
import io.callqa.qaconsole.standardsreport.StandardsReport.Line;
import io.callqa.qaconsole.users.CallQaUser;
import io.callqa.qaconsole.users.Role;

/**
 * {@code /api/standards-report}: the daily lines as JSON and CSV, and the weekly trend. Supervisors, managers and
 * admins read every agent's lines; an agent only their own (naming another agent is a 403).
 */
@RestController
class StandardsReportController {

	/** The default period: the last seven days, today included. */
	private static final int DEFAULT_DAYS = 7;

	private static final String CSV_HEADER = "agent,day,calls,scored,average,pass_share_pct,pass_mark,critical_fails,"
			+ "promises_made,promises_broken,promises_late,failed_item_1,failed_item_1_count,failed_item_2,"
			+ "failed_item_2_count,failed_item_3,failed_item_3_count";

	private final StandardsReport report;

	private final Clock clock;

	StandardsReportController(StandardsReport report, Clock clock) {
		this.report = report;
		this.clock = clock;
	}

	@GetMapping("/api/standards-report/daily")
	Daily daily(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String agent,
			@RequestParam(required = false) @Nullable String queue, @AuthenticationPrincipal CallQaUser user) {
		LocalDate last = (to != null) ? to : this.report.today(this.clock.instant());
		LocalDate first = (from != null) ? from : last.minusDays(DEFAULT_DAYS - 1);
		requireYears(first, last);
		String scope = agentFilter(agent, user);
		if (scope == null && user.role() == Role.AGENT) {
			return new Daily(first, last, this.report.zone().getId(), List.of());
		}
		return this.report.daily(first, last, scope, blank(queue));
	}

	@GetMapping("/api/standards-report/daily.csv")
	ResponseEntity<String> csv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	@Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String agent,
			@RequestParam(required = false) @Nullable String queue, @AuthenticationPrincipal CallQaUser user) {
		Daily daily = daily(from, to, agent, queue, user);
		StringBuilder csv = new StringBuilder(CSV_HEADER).append("\r\n");
		daily.lines().forEach((line) -> csv.append(csvLine(line)).append("\r\n"));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv"))
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "sandbox")
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"standards-report-" + daily.from() + "-" + daily.to() + ".csv\"")
			.body(csv.toString());
	}

	@GetMapping("/api/standards-report/weekly")
	StandardsReport.Weekly weekly(@RequestParam(required = false) @Nullable Integer weeks,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String agent,
			@RequestParam(required = false) @Nullable String queue, @AuthenticationPrincipal CallQaUser user) {
		LocalDate last = (to != null) ? to : this.report.today(this.clock.instant());
		requireYears(last, last);
		int count = (weeks != null) ? weeks : this.report.defaultWeeks();
		String scope = agentFilter(agent, user);
		if (scope == null && user.role() == Role.AGENT) {
			return new StandardsReport.Weekly(this.report.zone().getId(), List.of(), List.of());
		}
		return this.report.weekly(last, count, scope, blank(queue));
	}

	/**
	 * The agent the lines are limited to: an agent's own name (another agent's is refused), else the one asked for.
	 */
	private static @Nullable String agentFilter(@Nullable String agent, CallQaUser user) {
		String asked = blank(agent);
		if (user.role() != Role.AGENT) {
			return asked;
		}
		String own = user.agentScope();
		if (asked != null && !asked.equals(own)) {
			throw new AccessDeniedException("An agent sees only their own standards report");
		}
		return own;
	}

	private static void requireYears(LocalDate from, LocalDate to) {
		if (from.getYear() < 1970 || to.getYear() > 9999) {
			throw new IllegalArgumentException("Days must be from 1970-01-01 to 9999-12-31");
		}
	}

	private static String csvLine(Line line) {
		List<String> cells = new ArrayList<>(List.of(CsvCell.text(line.agent()), line.day().toString(),
				Integer.toString(line.calls()), Integer.toString(line.scored()), number(line.average()),
				number(line.passShare()), number(line.passMark()), Integer.toString(line.criticalFails()),
				Integer.toString(line.promisesMade()), Integer.toString(line.promisesBroken()),
				Integer.toString(line.promisesLate())));
		for (int i = 0; i < StandardsReport.TOP_ITEMS; i++) {
			StandardsReport.FailedItem item = (i < line.mostFailed().size()) ? line.mostFailed().get(i) : null;
			cells.add((item != null) ? CsvCell.text(item.label()) : "");
			cells.add((item != null) ? Integer.toString(item.count()) : "");
		}
		return String.join(",", cells);
	}

	private static String number(@Nullable Double value) {
		return Objects.toString(value, "");
	}

	private static @Nullable String blank(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
