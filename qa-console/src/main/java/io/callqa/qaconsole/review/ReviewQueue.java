package io.callqa.qaconsole.review;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

import io.callqa.telephony.AlertFilter;
import io.callqa.telephony.AlertKind;
import io.callqa.telephony.CallSummary;
import io.callqa.telephony.Calls;
import io.callqa.telephony.SupervisorAlert;
import io.callqa.telephony.SupervisorAlerts;

/**
 * Gathers the reasons of a period, one entry per call with all its reasons, and orders the calls by their most urgent
 * reason ({@link Reason#URGENCY}; ties: the newest call first).
 */
@Service
class ReviewQueue {

	static final Duration LONGEST_PERIOD = Duration.ofDays(366);

	static final int MAX_LIMIT = 200;

	/** What to list: the period on the time each reason arose, optional filters, a page. */
	record Query(Instant from, Instant to, @Nullable String agent, @Nullable String queue, Set<ReasonKind> kinds,
			int limit, int offset) {

		Query {
			if (!from.isBefore(to)) {
				throw new IllegalArgumentException("'from' must be before 'to'");
			}
			if (Duration.between(from, to).compareTo(LONGEST_PERIOD) > 0) {
				throw new IllegalArgumentException("The period is at most 366 days");
			}
			if (limit < 1 || limit > MAX_LIMIT) {
				throw new IllegalArgumentException("'limit' is 1 to " + MAX_LIMIT);
			}
			if (offset < 0) {
				throw new IllegalArgumentException("'offset' is 0 or more");
			}
		}

	}

	/**
	 * One call to look at.
	 *
	 * @param priority its most urgent reason's rank (1 = critical fail ... 5 = low automatic score)
	 * @param reason that reason's kind, and {@code detail} its words
	 * @param reasons all its reasons, most urgent first
	 */
	record Entry(long callId, String link, @Nullable Instant startedAt, @Nullable String agent,
			@Nullable String queue, @Nullable String callerNumber, int priority, ReasonKind reason, String detail,
			List<Reason> reasons) {
	}

	/**
	 * A page of the queue.
	 *
	 * @param total how many calls the whole queue has (after the filters)
	 * @param counts per kind, how many of those calls have a reason of that kind
	 */
	record Page(Instant from, Instant to, int total, int offset, int limit, Map<ReasonKind, Integer> counts,
			List<Entry> items) {
	}

	private final ReviewQueueRepository repository;

	private final SupervisorAlerts alerts;

	private final Calls calls;

	ReviewQueue(ReviewQueueRepository repository, SupervisorAlerts alerts, Calls calls) {
		this.repository = repository;
		this.alerts = alerts;
		this.calls = calls;
	}

	Page page(Query query) {
		List<ReviewQueueRepository.Found> found = new ArrayList<>(this.repository.all(query.from(), query.to()));
		found.addAll(lowSurveys(query.from(), query.to()));
		Map<Long, List<Reason>> byCall = new LinkedHashMap<>();
		Map<Long, String> agents = new LinkedHashMap<>();
		for (ReviewQueueRepository.Found f : found) {
			byCall.computeIfAbsent(f.callId(), (id) -> new ArrayList<>()).add(f.reason());
			if (f.agent() != null) {
				agents.putIfAbsent(f.callId(), f.agent());
			}
		}
		Map<Long, CallSummary> summaries = byCall.isEmpty() ? Map.of() : this.calls.summaries(byCall.keySet());
		List<Entry> entries = new ArrayList<>();
		for (Map.Entry<Long, List<Reason>> e : byCall.entrySet()) {
			long callId = e.getKey();
			CallSummary call = summaries.get(callId);
			String agent = (call != null && call.agent() != null) ? call.agent() : agents.get(callId);
			String queue = (call != null) ? call.queue() : null;
			if ((query.agent() != null && !query.agent().equals(agent))
					|| (query.queue() != null && !query.queue().equals(queue))) {
				continue;
			}
			List<Reason> reasons = e.getValue().stream()
				.filter((r) -> query.kinds().isEmpty() || query.kinds().contains(r.kind()))
				.sorted(Reason.URGENCY)
				.toList();
			if (reasons.isEmpty()) {
				continue;
			}
			Reason top = reasons.get(0);
			entries.add(new Entry(callId, "/call.html?id=" + callId, (call != null) ? call.startedAt() : null, agent,
					queue, (call != null) ? call.callerNumber() : null, top.priority(), top.kind(), top.detail(),
					reasons));
		}
		entries.sort(Comparator.comparing((Entry entry) -> entry.reasons().get(0), Reason.URGENCY)
			.thenComparing(Entry::callId, Comparator.reverseOrder()));
		Map<ReasonKind, Integer> counts = new EnumMap<>(ReasonKind.class);
		for (ReasonKind kind : ReasonKind.values()) {
			counts.put(kind, 0);
		}
		for (Entry entry : entries) {
			entry.reasons().stream().map(Reason::kind).distinct().forEach((kind) -> counts.merge(kind, 1, Integer::sum));
		}
		List<Entry> page = entries.subList(Math.min(query.offset(), entries.size()),
				Math.min(query.offset() + query.limit(), entries.size()));
		return new Page(query.from(), query.to(), entries.size(), query.offset(), query.limit(), counts,
				List.copyOf(page));
	}

	/** Telephony raises a LOW_SURVEY alert for each answer under its threshold: those are the low surveys. */
	private List<ReviewQueueRepository.Found> lowSurveys(Instant from, Instant to) {
		List<ReviewQueueRepository.Found> found = new ArrayList<>();
		List<SupervisorAlert> low = this.alerts.all(new AlertFilter(AlertKind.LOW_SURVEY, null, null, from, to));
		List<Long> callIds = low.stream().map(SupervisorAlert::callId).filter((id) -> id != null).distinct().toList();
		Map<Long, CallSummary> summaries = callIds.isEmpty() ? Map.of() : this.calls.summaries(callIds);
		for (SupervisorAlert alert : low) {
			Long callId = alert.callId();
			if (callId == null) {
				continue;
			}
			CallSummary call = summaries.get(callId);
			Integer survey = (call != null) ? call.surveyScore() : null;
			found.add(new ReviewQueueRepository.Found(callId, alert.agent(),
					new Reason(ReasonKind.LOW_SURVEY, alert.createdAt(), (survey != null) ? survey.doubleValue() : null,
							alert.detail(), alert.id())));
		}
		return found;
	}

}
