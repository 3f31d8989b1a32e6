package io.callqa.qaconsole.review;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.callqa.qaconsole.users.CallQaUser;
import io.callqa.qaconsole.users.Role;

/**
 * {@code GET /api/review-queue}: for supervisors and admins, read by managers; agents get 403 (the queue names other
 * agents' calls).
 */
@RestController
class ReviewQueueController {

	private static final Duration DEFAULT_PERIOD = Duration.ofDays(7);

	private final ReviewQueue queue;

	ReviewQueueController(ReviewQueue queue) {
		this.queue = queue;
	}

	@GetMapping("/api/review-queue")
	ReviewQueue.Page list(@RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to,
			@RequestParam(required = false) @Nullable String agent,
			@RequestParam(required = false) @Nullable String queue,
			@RequestParam(required = false) @Nullable List<ReasonKind> reason,
			@RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset,
			@AuthenticationPrincipal CallQaUser user) {
		if (user.role() == Role.AGENT) {
			throw new AccessDeniedException("The review queue is for supervisors, managers and admins");
		}
		Instant end = (to != null) ? to : Instant.now();
		Instant start = (from != null) ? from : end.minus(DEFAULT_PERIOD);
		Set<ReasonKind> kinds = (reason == null || reason.isEmpty()) ? Set.of() : EnumSet.copyOf(reason);
		return this.queue.page(new ReviewQueue.Query(start, end, blank(agent), blank(queue), kinds, limit, offset));
	}

	private static @Nullable String blank(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
