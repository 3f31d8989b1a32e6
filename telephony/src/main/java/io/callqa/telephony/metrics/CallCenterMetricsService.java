package io.callqa.telephony.metrics;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import io.callqa.telephony.CallCenterMetrics;
import io.callqa.telephony.CallStats;
import io.callqa.telephony.CallbackStats;
import io.callqa.telephony.MetricsQuery;
import io.callqa.telephony.Satisfaction;
import io.callqa.telephony.metrics.MetricsRepository.AbandonRow;
import io.callqa.telephony.metrics.MetricsRepository.CallbackRow;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * Manager metrics for queue calls and callbacks: the metrics feature's use-case facade.
 */
@Service
class CallCenterMetricsService implements CallCenterMetrics {

	private static final Comparator<@Nullable String> KEY_ORDER = Comparator
		.nullsLast(Comparator.<String>naturalOrder());

	private final MetricsRepository metrics;

	private final MetricsProperties properties;

	CallCenterMetricsService(MetricsRepository metrics, MetricsProperties properties) {
		this.metrics = metrics;
		this.properties = properties;
	}

	/** Queue call metrics per group, ordered by key (null last); empty when no call is in the range. */
	@Transactional(readOnly = true)
	@Override
	public List<CallStats> calls(MetricsQuery query) {
		Assert.notNull(query, "'query' must not be null");
		return this.metrics.calls(query, shortAbandonSec(), seconds(this.properties.serviceLevelThreshold()));
	}

	/**
	 * Callback metrics per group, ordered by key (null last), with the abandoned callers of the same range.
	 */
	@Transactional(readOnly = true)
	@Override
	public List<CallbackStats> callbacks(MetricsQuery query) {
		Assert.notNull(query, "'query' must not be null");
		Map<@Nullable String, CallbackRow> requests = new HashMap<>();
		this.metrics.callbacks(query).forEach((row) -> requests.put(row.key(), row));
		Map<@Nullable String, AbandonRow> abandons = new HashMap<>();
		this.metrics.abandonedCallers(query, shortAbandonSec()).forEach((row) -> abandons.put(row.key(), row));
		TreeSet<@Nullable String> keys = new TreeSet<>(KEY_ORDER);
		keys.addAll(requests.keySet());
		keys.addAll(abandons.keySet());
		return keys.stream().map((key) -> merge(key, requests.get(key), abandons.get(key))).toList();
	}

	private static CallbackStats merge(@Nullable String key, @Nullable CallbackRow requests,
			@Nullable AbandonRow abandons) {
		CallbackRow r = Objects.requireNonNullElseGet(requests,
				() -> new CallbackRow(key, 0, 0, null, null, null, 0, 0, 0, 0, 0));
		AbandonRow a = Objects.requireNonNullElseGet(abandons, () -> new AbandonRow(key, 0, 0));
		Double attemptsPerRequest = (r.attempted() > 0) ? (double) r.attempts() / r.attempted() : null;
		return new CallbackStats(key, r.requested(), r.done(), r.firstAttemptAvgSec(), r.firstAttemptP90Sec(),
				r.punctualityAvgSec(), attemptsPerRequest, MetricsRepository.percent(r.firstSuccess(), r.attempted()),
				MetricsRepository.percent(r.doneWithin(), r.notCancelled()), a.abandoned(), a.reached());
	}

	private double shortAbandonSec() {
		return seconds(this.properties.shortAbandonThreshold());
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

	/** Survey answers of calls in the range (by the time they were given) and the Net Promoter Score. */
	@Override
	public Satisfaction satisfaction(MetricsQuery query) {
		return this.metrics.satisfaction(query);
	}

}
