package io.callqa.qaconsole.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing, per account and per client address, for the login form and HTTP basic alike. After
 * {@code accountFailures} failed log-ins of one account (or {@code addressFailures} from one address), each less than
 * {@code window} after the previous one, further attempts are refused for {@code firstDelay}, doubling with each
 * further failure up to {@code window}: a lock-out never lasts longer than that, and counts are forgotten after a
 * quiet window. A successful log-in resets the account's count (not the address', or guessing between two own
 * log-ins would reset it).
 * <p>
 * Kept in memory, bounded (the least recently failing entries are dropped first): one process, one throttle. Behind
 * a proxy the address is the proxy's unless {@code server.forward-headers-strategy} is set.
 */
@Component
class LoginThrottle {

	/** Longer names share the count of their first characters: the key stays small. */
	private static final int MAX_NAME = 200;

	private final Clock clock;

	private final Limits limits;

	private final Counts accounts;

	private final Counts addresses;

	LoginThrottle() {
		this(Clock.systemUTC(), Limits.DEFAULT);
	}

	LoginThrottle(Clock clock, Limits limits) {
		this.clock = clock;
		this.limits = limits;
		this.accounts = new Counts(limits.maxEntries());
		this.addresses = new Counts(limits.maxEntries());
	}

	/** How long a log-in of this user from this address must wait, or empty when it may be tried now. */
	Optional<Duration> waitBefore(String username, @Nullable String address) {
		Instant now = this.clock.instant();
		Instant until = later(this.accounts.blockedUntil(account(username)),
				(address != null) ? this.addresses.blockedUntil(address) : null);
		return (until != null && now.isBefore(until)) ? Optional.of(Duration.between(now, until)) : Optional.empty();
	}

	void failed(String username, @Nullable String address) {
		Instant now = this.clock.instant();
		this.accounts.failed(account(username), now, this.limits.accountFailures(), this.limits);
		if (address != null) {
			this.addresses.failed(address, now, this.limits.addressFailures(), this.limits);
		}
	}

	void succeeded(String username) {
		this.accounts.forget(account(username));
	}

	void clear() {
		this.accounts.clear();
		this.addresses.clear();
	}

	int size() {
		return this.accounts.size() + this.addresses.size();
	}

	@EventListener
	void onFailure(AbstractAuthenticationFailureEvent event) {
		Object details = event.getAuthentication().getDetails();
		failed(event.getAuthentication().getName(),
				(details instanceof WebAuthenticationDetails web) ? web.getRemoteAddress() : null);
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		succeeded(event.getAuthentication().getName());
	}

	/** Compared as the login compares names (trimmed, case-insensitive), and bounded in length. */
	private static String account(String username) {
		String key = username.strip().toLowerCase(Locale.ROOT);
		return (key.length() > MAX_NAME) ? key.substring(0, MAX_NAME) : key;
	}

	private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.isAfter(b)) ? a : b;
	}

	/**
	 * The limits: failures of one account and from one address before attempts are refused, the window between
	 * failures that still count (and the longest delay), the first delay, and the most accounts or addresses kept.
	 */
	record Limits(int accountFailures, int addressFailures, Duration window, Duration firstDelay, int maxEntries) {

		static final Limits DEFAULT = new Limits(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(1), 10_000);

	}

	/** Failures of one key: how many in a row, when the last was, and until when attempts are refused. */
	private record Failures(int count, Instant last, Instant blockedUntil) {

		/** A key quiet for a window after its last failure and block is forgotten. */
		boolean expired(Instant now, Duration window) {
			Instant quietFrom = this.blockedUntil.isAfter(this.last) ? this.blockedUntil : this.last;
			return !now.isBefore(quietFrom.plus(window));
		}

	}

	/** Least recently failing first, so the oldest are dropped when full. */
	private static final class Counts {

		private final Map<String, Failures> failures;

		Counts(int maxEntries) {
			this.failures = new LinkedHashMap<>(64, 0.75f, true) {

				@Override
				protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
					return size() > maxEntries;
				}

			};
		}

		synchronized @Nullable Instant blockedUntil(String key) {
			Failures failures = this.failures.get(key);
			return (failures != null) ? failures.blockedUntil() : null;
		}

		synchronized void failed(String key, Instant now, int limit, Limits limits) {
			Failures previous = this.failures.remove(key);
			int count = (previous == null || previous.expired(now, limits.window())) ? 1 : previous.count() + 1;
			Instant blockedUntil = now;
			if (count >= limit) {
				int doublings = Math.min(count - limit, 30);
				Duration delay = limits.firstDelay().multipliedBy(1L << doublings);
				blockedUntil = now.plus((delay.compareTo(limits.window()) < 0) ? delay : limits.window());
			}
			this.failures.put(key, new Failures(count, now, blockedUntil));
		}

		synchronized void forget(String key) {
			this.failures.remove(key);
		}

		synchronized void clear() {
			this.failures.clear();
		}

		synchronized int size() {
			return this.failures.size();
		}

	}

}
