package io.callqa.qaconsole.trends;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.callqa.qaconsole.users.CallQaUser;
import io.callqa.transcription.Categories;
import io.callqa.transcription.CategoryTrends;
import io.callqa.transcription.CustomerPhrases;
import io.callqa.transcription.QueueTrends;

/**
 * The trends page's numbers: calls per category per day or week, and what customers ask.
 */
@RestController
class TrendsController {

	private final Categories categories;

	TrendsController(Categories categories) {
		this.categories = categories;
	}

	@GetMapping("/api/trends")
	CategoryTrends trends(@RequestParam Instant from, @RequestParam Instant to,
			@RequestParam(defaultValue = "DAY") Interval interval, @RequestParam(required = false) @Nullable String queue,
			@RequestParam(required = false) @Nullable String zone, @AuthenticationPrincipal CallQaUser user) {
		CategoryController.Access.read(user);
		return this.categories.trends(from, to, interval == Interval.WEEK, zone(zone), queue);
	}

	/**
	 * Several queues' trends side by side ({@code queue} repeated, or none for the busiest); like the single queue's,
	 * for supervisors, managers and admins over every queue: a supervisor's queues limit what they do on the live
	 * floor, not what they read.
	 */
	@GetMapping("/api/trends/queues")
	QueueTrends queues(@RequestParam Instant from, @RequestParam Instant to,
			@RequestParam(defaultValue = "DAY") Interval interval,
			@RequestParam(name = "queue", required = false) @Nullable List<String> queues,
			@RequestParam(required = false) @Nullable String zone, @AuthenticationPrincipal CallQaUser user) {
		CategoryController.Access.read(user);
		return this.categories.queueTrends(from, to, interval == Interval.WEEK, zone(zone),
				(queues != null) ? queues : List.of());
	}

	@GetMapping("/api/trends/phrases")
	CustomerPhrases phrases(@RequestParam Instant from, @RequestParam Instant to,
			@RequestParam(required = false) @Nullable String queue, @RequestParam(defaultValue = "20") int limit,
			@AuthenticationPrincipal CallQaUser user) {
		CategoryController.Access.read(user);
		return this.categories.customerPhrases(from, to, queue, limit);
	}

	private static ZoneId zone(@Nullable String zone) {
		if (zone == null || zone.isBlank()) {
			return ZoneOffset.UTC;
		}
		try {
			return ZoneId.of(zone);
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException("Unknown zone: " + zone);
		}
	}

	enum Interval {

		DAY, WEEK

	}

}
