package io.callqa.qaconsole.retention;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

import io.callqa.telephony.CallData;
import io.callqa.telephony.CallNotFoundException;
import io.callqa.telephony.CallSummary;
import io.callqa.telephony.Calls;

/**
 * The legal holds: placing, releasing and listing them, and which calls they hold. A hold on a number covers every
 * call whose customer number has the same digits, however either was written ("+1 555-0101", "15550101").
 */
@Service
class HoldRegister implements LegalHolds {

	private static final Logger log = LoggerFactory.getLogger(HoldRegister.class);

	static final int MAX_TEXT = 2000;

	/** What people write around a number's digits; anything else (letters) is refused rather than guessed at. */
	private static final Pattern WRITTEN_NUMBER = Pattern.compile("[0-9+\\s\\-./()]*");

	private static final int BATCH = 1000;

	private final HoldRepository repository;

	/** How long the calls of the held numbers found through {@link CallData#callsOfNumber} are reused. */
	private static final long NUMBER_CALLS_TTL = 60_000_000_000L;

	private final Calls calls;

	private final CallData callData;

	private volatile @Nullable NumberCalls numberCalls;

	HoldRegister(HoldRepository repository, Calls calls, CallData callData) {
		this.repository = repository;
		this.calls = calls;
		this.callData = callData;
	}

	/** The number's digits: what a number hold keeps and compares ("+1 (555) 010-1" is "15550101"). */
	static String digits(@Nullable String raw) {
		String text = (raw != null) ? raw.strip() : "";
		String digits = text.replaceAll("[^0-9]", "");
		if (!WRITTEN_NUMBER.matcher(text).matches() || digits.isEmpty() || digits.length() > 40) {
			throw new IllegalArgumentException("'number' must be a phone number (1 to 40 digits, with or without spaces,"
					+ " dashes or a plus), not '" + ((text.length() > 50) ? text.substring(0, 50) + "..." : text) + "'");
		}
		return digits;
	}

	/** The digits of a number as a call stores it; null for a call without one (or none we can compare). */
	static @Nullable String digitsOrNull(@Nullable String number) {
		if (number == null) {
			return null;
		}
		String digits = number.replaceAll("[^0-9]", "");
		return digits.isEmpty() ? null : digits;
	}

	@Override
	public Set<Long> held(Collection<Long> callIds) {
		Set<Long> held = new TreeSet<>();
		List<Long> ids = List.copyOf(new TreeSet<>(callIds));
		Set<String> numbers = this.repository.heldNumbers();
		for (int from = 0; from < ids.size(); from += BATCH) {
			List<Long> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
			held.addAll(this.repository.heldCalls(batch));
			if (!numbers.isEmpty()) {
				for (CallSummary call : this.calls.summaries(batch).values()) {
					String digits = digitsOrNull(call.callerNumber());
					if (digits != null && numbers.contains(digits)) {
						held.add(call.id());
					}
				}
				Set<Long> ofNumbers = callsOfHeldNumbers(numbers);
				batch.stream().filter(ofNumbers::contains).forEach(held::add);
			}
		}
		return held;
	}

	/**
	 * Every call telephony counts as a held number's ({@link CallData#callsOfNumber}: also a callback's call to it),
	 * reused for a minute while the held numbers stay the same: a retention run asks for every page, and each look-up
	 * reads all calls. A call newer than that is still held by its own number (above).
	 */
	private Set<Long> callsOfHeldNumbers(Set<String> numbers) {
		NumberCalls cached = this.numberCalls;
		long now = System.nanoTime();
		if (cached != null && cached.numbers().equals(numbers) && now - cached.at() < NUMBER_CALLS_TTL) {
			return cached.calls();
		}
		Set<Long> calls = new HashSet<>();
		numbers.forEach((number) -> calls.addAll(this.callData.callsOfNumber(number)));
		this.numberCalls = new NumberCalls(Set.copyOf(numbers), calls, now);
		return calls;
	}

	private record NumberCalls(Set<String> numbers, Set<Long> calls, long at) {
	}

	Hold placeOnCall(long callId, @Nullable String reason, String by) {
		String why = reason(reason);
		if (this.calls.summaries(List.of(callId)).isEmpty()) {
			throw new CallNotFoundException(callId);
		}
		long id = this.repository.insert(callId, null, why, by);
		log.info("Legal hold {} placed on call {} by {}", id, callId, by);
		return this.repository.find(id).orElseThrow();
	}

	Hold placeOnNumber(@Nullable String number, @Nullable String reason, String by) {
		String digits = digits(number);
		String why = reason(reason);
		long id = this.repository.insert(null, digits, why, by);
		log.info("Legal hold {} placed on a customer number by {}", id, by);
		return this.repository.find(id).orElseThrow();
	}

	Hold release(long id, @Nullable String note, String by) {
		String text = optionalText(note, "note");
		Hold hold = this.repository.find(id).orElseThrow(() -> new HoldNotFoundException(id));
		if (!this.repository.release(id, by, text)) {
			throw new HoldReleasedException(hold);
		}
		log.info("Legal hold {} released by {}", id, by);
		return this.repository.find(id).orElseThrow();
	}

	Hold find(long id) {
		return this.repository.find(id).orElseThrow(() -> new HoldNotFoundException(id));
	}

	List<Hold> list(boolean withReleased, @Nullable Long callId, @Nullable String number) {
		return new ArrayList<>(this.repository.list(withReleased, callId, (number != null) ? digits(number) : null));
	}

	private static String reason(@Nullable String reason) {
		String text = optionalText(reason, "reason");
		if (text == null) {
			throw new IllegalArgumentException("A hold needs a 'reason' (the matter, the request), at most 2,000 characters");
		}
		return text;
	}

	private static @Nullable String optionalText(@Nullable String text, String name) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String stripped = text.strip();
		if (stripped.length() > MAX_TEXT || stripped.indexOf('\0') >= 0) {
			throw new IllegalArgumentException("'" + name + "' has at most 2,000 characters and no NUL character");
		}
		return stripped;
	}

}
