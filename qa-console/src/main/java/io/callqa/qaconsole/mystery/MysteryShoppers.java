package io.callqa.qaconsole.mystery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.callqa.qaconsole.autoscore.Rescoring;
import io.callqa.telephony.CallEnded;
import io.callqa.telephony.CallNotFoundException;

/**
 * Which calls are test calls: the shoppers' numbers (a call from a listed number is marked when it ends, and at the
 * latest when it is scored; adding a number also marks its calls of the last {@code markDays} days), and single calls
 * marked or unmarked by a supervisor. Marking or unmarking a call scores it again, with the standard that now applies.
 */
@Service
public class MysteryShoppers {

	private static final Logger log = LoggerFactory.getLogger(MysteryShoppers.class);

	/** When a number is added without saying: the shopper's visit usually comes before the supervisor lists it. */
	static final int DEFAULT_MARK_DAYS = 7;

	static final int MAX_MARK_DAYS = 366;

	static final int MAX_NOTE = 2000;

	/** A caller number as Asterisk gives it: digits, a leading +, the * and # of internal numbers. */
	private static final Pattern NUMBER = Pattern.compile("\\+?[0-9*#]{1,40}");

	/** What people type between digits and calls never hold. */
	private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-./()]");

	private final MysteryShopperRepository repository;

	private final Rescoring rescoring;

	private final TransactionTemplate transaction;

	MysteryShoppers(MysteryShopperRepository repository, Rescoring rescoring, TransactionTemplate transaction) {
		this.repository = repository;
		this.rescoring = rescoring;
		this.transaction = transaction;
	}

	/**
	 * A number as calls store it: spaces, dashes, dots, slashes and brackets removed ("555-0199" is "5550199"), nothing
	 * else changed: "+15550199" and "5550199" are different numbers, as on the calls.
	 */
	static String normalise(@Nullable String raw) {
		String number = (raw != null) ? SEPARATORS.matcher(raw).replaceAll("") : "";
		if (!NUMBER.matcher(number).matches()) {
			throw new IllegalArgumentException("'number' must be a caller number (digits, an optional leading +, * or #,"
					+ " at most 40), not '" + ((raw != null && raw.length() > 50) ? raw.substring(0, 50) + "..." : raw)
					+ "'");
		}
		return number;
	}

	List<MysteryShopperRepository.ShopperNumber> numbers() {
		return this.repository.numbers();
	}

	/**
	 * Lists a number; its calls started in the last {@code markDays} days (and all later ones) become test calls, and
	 * those already scored are scored again.
	 */
	AddedNumber add(String rawNumber, @Nullable String note, @Nullable Integer markDays, String by) {
		String number = normalise(rawNumber);
		int days = (markDays != null) ? markDays : DEFAULT_MARK_DAYS;
		if (days < 0 || days > MAX_MARK_DAYS) {
			throw new IllegalArgumentException("'markDays' must be 0 to " + MAX_MARK_DAYS + ", not " + days);
		}
		String text = (note != null && !note.isBlank()) ? note.strip() : null;
		if (text != null && (text.length() > MAX_NOTE || text.indexOf('\0') >= 0)) {
			throw new IllegalArgumentException("A 'note' has at most 2,000 characters and no NUL character");
		}
		Instant marksFrom = Instant.now().minus(Duration.ofDays(days));
		List<Long> marked = this.transaction.execute((status) -> {
			if (!this.repository.insertNumber(number, text, marksFrom, by)) {
				throw new DuplicateNumberException(number);
			}
			return this.repository.markByNumber(number);
		});
		int rescored = this.rescoring.rescore(marked);
		return new AddedNumber(this.repository.number(number).orElseThrow(), marked.size(), rescored);
	}

	/** Lists a number unless it is (demo mode); true when added. */
	public boolean addIfAbsent(String number, @Nullable String note, int markDays, String by) {
		try {
			add(number, note, markDays, by);
			return true;
		}
		catch (DuplicateNumberException ex) {
			return false;
		}
	}

	/** Takes a number off the list: its later calls are regular calls; the calls marked so far stay test calls. */
	void remove(String rawNumber) {
		String number = normalise(rawNumber);
		if (!this.repository.deleteNumber(number)) {
			throw new NumberNotListedException(number);
		}
	}

	CallMark status(long callId) {
		requireCall(callId);
		return CallMark.of(callId, this.repository.mark(callId));
	}

	/** Marks a call as a test call and scores it again (with the mystery-shopper standard, if one is set). */
	CallMark mark(long callId, String by) {
		requireCall(callId);
		this.transaction.executeWithoutResult((status) -> this.repository.markByApi(callId, by));
		this.rescoring.rescore(List.of(callId));
		return status(callId);
	}

	/** A regular call again, even if its number is listed, scored again with its queue's standard. */
	CallMark unmark(long callId, String by) {
		requireCall(callId);
		this.transaction.executeWithoutResult((status) -> this.repository.unmark(callId, by));
		this.rescoring.rescore(List.of(callId));
		return status(callId);
	}

	private void requireCall(long callId) {
		if (!this.repository.callExists(callId)) {
			throw new CallNotFoundException(callId);
		}
	}

	MysteryShopperRepository.Setting setting() {
		return this.repository.setting();
	}

	/**
	 * The standard that scores test calls from now on (null: their queue's). Calls scored already keep their
	 * evaluation until scored again (marked, unmarked, or a re-evaluation of their period).
	 */
	public void useStandard(@Nullable Long standardId, String by) {
		if (standardId != null && !this.repository.standardExists(standardId)) {
			throw new IllegalArgumentException("No standard with id " + standardId);
		}
		this.repository.updateSetting(standardId, by);
	}

	/** Test calls are scored with the standard of that name from now on, unless a standard is set; true when set. */
	public boolean useStandardIfUnset(String standardName, String by) {
		if (this.repository.setting().standardId() != null) {
			return false;
		}
		Long id = this.repository.standardNamed(standardName)
			.orElseThrow(() -> new IllegalArgumentException("No standard named '" + standardName + "'"));
		this.repository.updateSetting(id, by);
		return true;
	}

	/** A call from a listed number is marked as soon as it ends (an abandoned call has no score to wait for). */
	@EventListener
	void on(CallEnded call) {
		if (call.callerNumber() == null) {
			return;
		}
		try {
			this.repository.markedAmong(List.of(call.callId()));
		}
		catch (RuntimeException ex) {
			// Scoring marks it at the latest: the call's own processing must not suffer.
			log.warn("Call {} not checked against the mystery-shopper numbers: {}", call.callId(), ex.toString());
		}
	}

	record AddedNumber(MysteryShopperRepository.ShopperNumber number, int markedCalls, int rescoredCalls) {
	}

	record CallMark(long callId, boolean marked, @Nullable String source, @Nullable String markedBy,
			@Nullable Instant markedAt) {

		static CallMark of(long callId, Optional<MysteryShopperRepository.Mark> mark) {
			return mark.map((m) -> new CallMark(callId, true, m.source(), m.markedBy(), m.markedAt()))
				.orElseGet(() -> new CallMark(callId, false, null, null, null));
		}

	}

}
