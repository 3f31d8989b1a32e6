package io.callqa.qaconsole.promises;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The time said with a promise, read from the recogniser's words (lower case, numbers spelled out: "within the
 * hour", "by tomorrow", "today before five", "on monday", "in two days"), and the due time it means from the call's
 * end. A day without a time of day means the end of the business day ({@code closing}); an hour without am or pm is
 * read the way a call center would say it: 8 to 11 in the morning, 12 noon, 1 to 7 in the afternoon.
 */
final class TimeExpressions {

	private static final Map<String, Integer> UNITS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
			Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
			Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
			Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
			Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
			Map.entry("nineteen", 19));

	private static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fifty", 50,
			"sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);

	private static final Map<String, DayOfWeek> WEEKDAYS = Map.of("monday", DayOfWeek.MONDAY, "tuesday",
			DayOfWeek.TUESDAY, "wednesday", DayOfWeek.WEDNESDAY, "thursday", DayOfWeek.THURSDAY, "friday",
			DayOfWeek.FRIDAY, "saturday", DayOfWeek.SATURDAY, "sunday", DayOfWeek.SUNDAY);

	/** Words that may come before a day or a clock time without changing it. */
	private static final Set<String> LEAD = Set.of("by", "on", "until", "till", "before", "for", "later", "sometime",
			"at", "around", "about", "this", "coming");

	private static final Set<String> CLOCK_LEAD = Set.of("at", "before", "by", "until", "till", "around", "about");

	private static final LocalTime MORNING = LocalTime.NOON;

	private static final LocalTime EVENING = LocalTime.of(21, 0);

	private static final LocalTime FIRST_THING = LocalTime.of(10, 0);

	private TimeExpressions() {
	}

	/** When a promise is due, counted from the call's end. */
	sealed interface When permits Within, OnDay {

		Instant due(ZonedDateTime end, LocalTime closing);

	}

	/** A stretch of time from the call's end ("within the hour", "in twenty minutes"). */
	record Within(Duration duration) implements When {

		@Override
		public Instant due(ZonedDateTime end, LocalTime closing) {
			return end.plus(this.duration).toInstant();
		}

	}

	/**
	 * A day ({@code days} after the call's, counting only weekdays when {@code business}; or the next
	 * {@code weekday}; or the Friday of this week, {@code week} 0, or of next week, 1), at a time of day or the end of
	 * business.
	 */
	record OnDay(int days, boolean business, @Nullable DayOfWeek weekday, int week, @Nullable LocalTime at)
			implements When {

		static final int NO_WEEK = -1;

		OnDay at(LocalTime time) {
			return new OnDay(this.days, this.business, this.weekday, this.week, time);
		}

		@Override
		public Instant due(ZonedDateTime end, LocalTime closing) {
			LocalDate date = date(end.toLocalDate());
			LocalTime time = (this.at != null) ? this.at : closing;
			ZonedDateTime due = date.atTime(time).atZone(end.getZone());
			if (!due.isAfter(end)) {
				// Said after the hour it names ("by the end of the day" at 18:00): the end of that day, or for a
				// clock time alone the same time the next day.
				due = (this.at == null) ? date.plusDays(1).atStartOfDay(end.getZone())
						: due.plusDays(1);
			}
			return due.toInstant();
		}

		private LocalDate date(LocalDate today) {
			if (this.weekday != null) {
				return today.with(TemporalAdjusters.next(this.weekday));
			}
			if (this.week >= 0) {
				LocalDate friday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
				if (today.getDayOfWeek() == DayOfWeek.SATURDAY || today.getDayOfWeek() == DayOfWeek.SUNDAY) {
					friday = today.with(TemporalAdjusters.next(DayOfWeek.FRIDAY));
				}
				return friday.plusWeeks(this.week);
			}
			if (!this.business) {
				return today.plusDays(this.days);
			}
			LocalDate date = today;
			for (int left = this.days; left > 0;) {
				date = date.plusDays(1);
				if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
					left--;
				}
			}
			return date;
		}

	}

	/** A time expression found at tokens [from, to). */
	record Found(int from, int to, When when) {
	}

	/**
	 * The time expression starting at {@code i}, if one does: a day and a time of day in either order ("tomorrow
	 * before five", "at ten tomorrow"), a day, a time of day, a stretch of time or "as soon as possible".
	 */
	static Optional<Found> at(List<String> t, int i) {
		Optional<Found> day = day(t, i);
		if (day.isPresent()) {
			Found d = day.get();
			Optional<Found> clock = clock(t, d.to());
			if (clock.isPresent()) {
				return Optional.of(new Found(i, clock.get().to(), ((OnDay) d.when()).at(time(clock.get()))));
			}
			return day;
		}
		Optional<Found> clock = clock(t, i);
		if (clock.isPresent()) {
			Found c = clock.get();
			Optional<Found> after = day(t, c.to());
			if (after.isPresent() && after.get().when() instanceof OnDay onDay && onDay.at() == null) {
				return Optional.of(new Found(i, after.get().to(), onDay.at(time(c))));
			}
			return clock;
		}
		Optional<Found> within = within(t, i);
		return within.isPresent() ? within : soon(t, i);
	}

	private static LocalTime time(Found clock) {
		return ((OnDay) clock.when()).at();
	}

	private static Optional<Found> day(List<String> t, int i) {
		int j = i;
		while (j < t.size() && j < i + 2 && LEAD.contains(t.get(j)) && !"at".equals(t.get(j))) {
			j++;
		}
		if (is(t, j, "the")) {
			j++;
		}
		if (is(t, j, "end", "of") || is(t, j, "close", "of")) {
			int k = j + 2;
			if (is(t, k, "the")) {
				k++;
			}
			if (is(t, k, "week")) {
				return Optional.of(new Found(i, k + 1, new OnDay(0, false, null, 0, null)));
			}
			if (is(t, k, "day") || is(t, k, "business") || is(t, k, "play") || is(t, k, "today")) {
				return partOfDay(t, i, k + 1, new OnDay(0, false, null, OnDay.NO_WEEK, null));
			}
			return Optional.empty();
		}
		if (is(t, j, "first", "thing")) {
			int k = j + 2;
			if (is(t, k, "tomorrow")) {
				return Optional.of(new Found(i, k + 1 + (is(t, k + 1, "morning") ? 1 : 0),
						new OnDay(1, false, null, OnDay.NO_WEEK, FIRST_THING)));
			}
			return Optional.empty();
		}
		if (is(t, j, "day", "after", "tomorrow")) {
			return partOfDay(t, i, j + 3, new OnDay(2, false, null, OnDay.NO_WEEK, null));
		}
		if (is(t, j, "today")) {
			return partOfDay(t, i, j + 1, new OnDay(0, false, null, OnDay.NO_WEEK, null));
		}
		if (is(t, j, "tonight")) {
			return Optional.of(new Found(i, j + 1, new OnDay(0, false, null, OnDay.NO_WEEK, EVENING)));
		}
		if (is(t, j, "tomorrow")) {
			return partOfDay(t, i, j + 1, new OnDay(1, false, null, OnDay.NO_WEEK, null));
		}
		if (j < t.size() && ("morning".equals(t.get(j)) || "afternoon".equals(t.get(j)) || "evening".equals(t.get(j)))
				&& j > i && "this".equals(t.get(j - 1))) {
			return partOfDay(t, i, j, new OnDay(0, false, null, OnDay.NO_WEEK, null));
		}
		if (is(t, j, "next", "week") || is(t, j, "early", "next", "week")) {
			int k = j + (is(t, j, "early") ? 3 : 2);
			return Optional.of(new Found(i, k, new OnDay(0, false, null, 1, null)));
		}
		if (is(t, j, "week") && j > i && "this".equals(t.get(j - 1))) {
			return Optional.of(new Found(i, j + 1, new OnDay(0, false, null, 0, null)));
		}
		int k = j;
		if (is(t, k, "next")) {
			k++;
		}
		if (k < t.size() && WEEKDAYS.containsKey(t.get(k))) {
			return partOfDay(t, i, k + 1, new OnDay(0, false, WEEKDAYS.get(t.get(k)), OnDay.NO_WEEK, null));
		}
		return Optional.empty();
	}

	/** "morning", "afternoon", "evening" or "night" right after a day names the time on it. */
	private static Optional<Found> partOfDay(List<String> t, int from, int j, OnDay day) {
		if (j < t.size()) {
			LocalTime at = switch (t.get(j)) {
				case "morning" -> MORNING;
				case "afternoon" -> null;
				case "evening", "night" -> EVENING;
				default -> LocalTime.MIN;
			};
			if (!LocalTime.MIN.equals(at)) {
				// The afternoon ends when business does: leave the time to the closing hour.
				return Optional.of(new Found(from, j + 1, (at != null) ? day.at(at) : day));
			}
		}
		return Optional.of(new Found(from, j, day));
	}

	/** "before five", "at ten thirty", "by half past three", "at two pm", "by noon". */
	private static Optional<Found> clock(List<String> t, int i) {
		int j = i;
		boolean lead = false;
		if (j < t.size() && CLOCK_LEAD.contains(t.get(j))) {
			lead = true;
			j++;
		}
		if (is(t, j, "noon") || is(t, j, "midday") || is(t, j, "lunchtime") || is(t, j, "lunch")) {
			return lead ? Optional.of(new Found(i, j + 1, new OnDay(0, false, null, OnDay.NO_WEEK, LocalTime.NOON)))
					: Optional.empty();
		}
		int minute = 0;
		int k = j;
		boolean past = false;
		if (is(t, k, "half", "past")) {
			minute = 30;
			k += 2;
			past = true;
		}
		else if (is(t, k, "quarter", "past")) {
			minute = 15;
			k += 2;
			past = true;
		}
		else if (is(t, k, "quarter", "to")) {
			minute = -15;
			k += 2;
			past = true;
		}
		Optional<int[]> hour = number(t, k);
		if (hour.isEmpty() || hour.get()[0] < 1 || hour.get()[0] > 12 || hour.get()[1] > 1) {
			return Optional.empty();
		}
		int h = hour.get()[0];
		k += hour.get()[1];
		if (!past) {
			if (is(t, k, "o'clock") || is(t, k, "oclock")) {
				k++;
			}
			else if (is(t, k, "o", "clock")) {
				k += 2;
			}
			else {
				Optional<int[]> minutes = number(t, k);
				if (minutes.isPresent() && minutes.get()[0] >= 10 && minutes.get()[0] < 60) {
					minute = minutes.get()[0];
					k += minutes.get()[1];
				}
			}
		}
		Boolean pm = null;
		if (is(t, k, "pm") || is(t, k, "p.m")) {
			pm = true;
			k++;
		}
		else if (is(t, k, "p", "m")) {
			pm = true;
			k += 2;
		}
		else if (is(t, k, "am") || is(t, k, "a.m")) {
			pm = false;
			k++;
		}
		else if (is(t, k, "a", "m")) {
			pm = false;
			k += 2;
		}
		else if (is(t, k, "in", "the", "morning")) {
			pm = false;
			k += 3;
		}
		else if (is(t, k, "in", "the", "afternoon") || is(t, k, "in", "the", "evening")) {
			pm = true;
			k += 3;
		}
		else if (is(t, k, "tonight")) {
			pm = true;
		}
		if (!lead && pm == null) {
			return Optional.empty();
		}
		int hour24 = (pm == null) ? ((h <= 7) ? h + 12 : h) : (pm ? ((h == 12) ? 12 : h + 12) : ((h == 12) ? 0 : h));
		LocalTime time = LocalTime.of(hour24, 0).plusMinutes(minute);
		return Optional.of(new Found(i, k, new OnDay(0, false, null, OnDay.NO_WEEK, time)));
	}

	/** "within the hour", "in half an hour", "within two business days", "in a couple of days", "in a week". */
	private static Optional<Found> within(List<String> t, int i) {
		if (!is(t, i, "in") && !is(t, i, "within")) {
			return Optional.empty();
		}
		int k = i + 1;
		if (is(t, k, "the", "next")) {
			k += 2;
		}
		else if (is(t, k, "the") || is(t, k, "next")) {
			k++;
		}
		int amount;
		boolean few = false;
		if (is(t, k, "half", "an", "hour") || is(t, k, "half", "hour")) {
			int end = k + (is(t, k, "half", "an") ? 3 : 2);
			return Optional.of(new Found(i, end, new Within(Duration.ofMinutes(30))));
		}
		if (is(t, k, "a", "day", "or", "two") || is(t, k, "a", "couple", "of") || is(t, k, "couple", "of")) {
			if (is(t, k, "a", "day")) {
				return Optional.of(new Found(i, k + 4, new OnDay(2, false, null, OnDay.NO_WEEK, null)));
			}
			amount = 2;
			k += is(t, k, "a") ? 3 : 2;
		}
		else if (is(t, k, "a", "few") || is(t, k, "few")) {
			amount = 3;
			few = true;
			k += is(t, k, "a") ? 2 : 1;
		}
		else if (k < t.size() && ("a".equals(t.get(k)) || "an".equals(t.get(k)))) {
			amount = 1;
			k++;
		}
		else {
			Optional<int[]> number = number(t, k);
			if (number.isPresent()) {
				amount = number.get()[0];
				k += number.get()[1];
			}
			else if (k > i + 1 && is(t, k - 1, "the")) {
				amount = 1; // "within the hour"
			}
			else {
				return Optional.empty();
			}
		}
		boolean business = false;
		if (is(t, k, "business") || is(t, k, "working")) {
			business = true;
			k++;
		}
		if (k >= t.size()) {
			return Optional.empty();
		}
		String unit = t.get(k);
		When when = switch (unit) {
			case "minute", "minutes" -> new Within(Duration.ofMinutes(few ? 15 : amount));
			case "hour", "hours" -> new Within(Duration.ofHours(amount));
			case "day", "days" -> new OnDay(amount, business, null, OnDay.NO_WEEK, null);
			case "week", "weeks" -> new OnDay(7 * amount, false, null, OnDay.NO_WEEK, null);
			default -> null;
		};
		if (when == null || (business && !(when instanceof OnDay))) {
			return Optional.empty();
		}
		return Optional.of(new Found(i, k + 1, when));
	}

	/** "as soon as possible", "right away", "shortly": within an hour. */
	private static Optional<Found> soon(List<String> t, int i) {
		int length = is(t, i, "as", "soon", "as", "possible") ? 4
				: (is(t, i, "as", "soon", "as", "i", "can") || is(t, i, "as", "soon", "as", "we", "can")) ? 5
				: (is(t, i, "right", "away") || is(t, i, "straight", "away") || is(t, i, "in", "a", "moment")
						|| is(t, i, "in", "a", "minute") || is(t, i, "in", "a", "bit")) ? 2 + (is(t, i, "in") ? 1 : 0)
				: (is(t, i, "shortly") || is(t, i, "asap")) ? 1 : 0;
		return (length == 0) ? Optional.empty()
				: Optional.of(new Found(i, i + length, new Within(Duration.ofHours(1))));
	}

	/** A spelled-out number ("five", "twenty four") or digits at {@code i}: value and how many tokens. */
	static Optional<int[]> number(List<String> t, int i) {
		if (i >= t.size()) {
			return Optional.empty();
		}
		String word = t.get(i);
		if (word.chars().allMatch(Character::isDigit) && !word.isEmpty() && word.length() <= 4) {
			return Optional.of(new int[] { Integer.parseInt(word), 1 });
		}
		if (UNITS.containsKey(word)) {
			return Optional.of(new int[] { UNITS.get(word), 1 });
		}
		if (TENS.containsKey(word)) {
			int tens = TENS.get(word);
			if (i + 1 < t.size() && UNITS.containsKey(t.get(i + 1)) && UNITS.get(t.get(i + 1)) < 10) {
				return Optional.of(new int[] { tens + UNITS.get(t.get(i + 1)), 2 });
			}
			return Optional.of(new int[] { tens, 1 });
		}
		return Optional.empty();
	}

	/** Whether the words from {@code i} on are {@code words}. */
	static boolean is(List<String> t, int i, String... words) {
		if (i < 0 || i + words.length > t.size()) {
			return false;
		}
		for (int k = 0; k < words.length; k++) {
			if (!t.get(i + k).equals(words[k])) {
				return false;
			}
		}
		return true;
	}

}
