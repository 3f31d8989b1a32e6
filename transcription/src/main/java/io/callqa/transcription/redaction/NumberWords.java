package io.callqa.transcription.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads spoken numbers as digits, the way people read a card number: digit by digit ("four five oh six"), "double
 * five", "triple oh", in pairs ("forty five sixty"), teens ("nineteen"), and "hundred"/"thousand" where they make a
 * group ("four hundred and six" is 406). Each digit remembers the word it came from, so a span of digits is a span of
 * words. A placeholder {@code [digits:N]} (a checkpoint's masked number word) reads as N unknown digits, {@code x}.
 */
final class NumberWords {

	static final Map<String, Integer> UNITS = Map.ofEntries(Map.entry("zero", 0), Map.entry("oh", 0),
			Map.entry("o", 0), Map.entry("nought", 0), Map.entry("nil", 0), Map.entry("one", 1), Map.entry("two", 2),
			Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
			Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9));

	static final Map<String, Integer> TEENS = Map.of("ten", 10, "eleven", 11, "twelve", 12, "thirteen", 13,
			"fourteen", 14, "fifteen", 15, "sixteen", 16, "seventeen", 17, "eighteen", 18, "nineteen", 19);

	static final Map<String, Integer> TENS = Map.of("twenty", 2, "thirty", 3, "forty", 4, "fifty", 5, "sixty", 6,
			"seventy", 7, "eighty", 8, "ninety", 9);

	/** Ordinals, read only in a configured pattern's run (a date: "the fourth of july"). */
	static final Map<String, Integer> ORDINALS = Map.ofEntries(Map.entry("first", 1), Map.entry("second", 2),
			Map.entry("third", 3), Map.entry("fourth", 4), Map.entry("fifth", 5), Map.entry("sixth", 6),
			Map.entry("seventh", 7), Map.entry("eighth", 8), Map.entry("ninth", 9), Map.entry("tenth", 10),
			Map.entry("eleventh", 11), Map.entry("twelfth", 12), Map.entry("thirteenth", 13),
			Map.entry("fourteenth", 14), Map.entry("fifteenth", 15), Map.entry("sixteenth", 16),
			Map.entry("seventeenth", 17), Map.entry("eighteenth", 18), Map.entry("nineteenth", 19),
			Map.entry("twentieth", 20), Map.entry("thirtieth", 30));

	/**
	 * Words the small model writes for a digit it heard ("seven to one", "six eight i'd eight"), trusted only inside a
	 * number: after one number word and before another.
	 */
	static final Map<String, Integer> HOMOPHONES = Map.of("for", 4, "to", 2, "too", 2, "ate", 8, "won", 1, "free", 3,
			"tree", 3, "fine", 5, "i'd", 9);

	static final String PLACEHOLDER = "[digits:";

	private NumberWords() {
	}

	/** Whether the word can begin or end a number on its own. */
	static boolean isNumberWord(String word, boolean ordinals) {
		return UNITS.containsKey(word) || TEENS.containsKey(word) || TENS.containsKey(word) || word.equals("double")
				|| word.equals("triple") || word.equals("hundred") || word.equals("thousand")
				|| word.startsWith(PLACEHOLDER) || (ordinals && ORDINALS.containsKey(word));
	}

	/** One digit (or x, unknown) and the index of the word it was read from. */
	record Digit(char digit, int word) {
	}

	/**
	 * The digits of these words (number words, and whatever else the caller let into the run, which reads as nothing).
	 */
	static List<Digit> digits(List<String> words, boolean ordinals) {
		List<Digit> digits = new ArrayList<>();
		int first = -1;
		int last = -1;
		for (int i = 0; i < words.size(); i++) {
			if (isNumberWord(words.get(i), false)) {
				first = (first < 0) ? i : first;
				last = i;
			}
		}
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i);
			String next = (i + 1 < words.size()) ? words.get(i + 1) : "";
			Integer unit = UNITS.get(word);
			if (unit == null && i > first && i < last && HOMOPHONES.containsKey(word)) {
				unit = HOMOPHONES.get(word);
			}
			if (unit != null) {
				add(digits, String.valueOf(unit), i);
			}
			else if ((word.equals("double") || word.equals("triple")) && UNITS.containsKey(next)) {
				String d = String.valueOf(UNITS.get(next));
				add(digits, d.repeat(word.equals("double") ? 1 : 2), i);
			}
			else if (TEENS.containsKey(word)) {
				add(digits, String.valueOf(TEENS.get(word)), i);
			}
			else if (TENS.containsKey(word)) {
				Integer after = UNITS.get(next);
				boolean pair = after != null && after > 0;
				// "forty five" is 45 (the unit word adds the 5); "forty" alone is 40.
				add(digits, TENS.get(word) + (pair ? "" : "0"), i);
			}
			else if (word.equals("hundred") || word.equals("thousand")) {
				int width = word.equals("hundred") ? 2 : 3;
				add(digits, "0".repeat(Math.max(0, width - groupAfter(words, i + 1, width))), i);
			}
			else if (word.startsWith(PLACEHOLDER) && word.endsWith("]")) {
				add(digits, "x".repeat(count(word)), i);
			}
			else if (ordinals && ORDINALS.containsKey(word)) {
				int value = ORDINALS.get(word);
				boolean afterTens = i > 0 && TENS.containsKey(words.get(i - 1)) && value < 10;
				if (afterTens) {
					// "twenty first": "twenty" wrote 20, the ordinal replaces its 0.
					digits.remove(digits.size() - 1);
				}
				add(digits, String.valueOf(value), i);
			}
		}
		return digits;
	}

	/** How many digits the words after a "hundred" (2 wide) or "thousand" (3 wide) fill in, "and" skipped. */
	private static int groupAfter(List<String> words, int from, int width) {
		int i = from;
		if (i < words.size() && words.get(i).equals("and")) {
			i++;
		}
		if (i >= words.size()) {
			return 0;
		}
		String word = words.get(i);
		String next = (i + 1 < words.size()) ? words.get(i + 1) : "";
		if (width == 3 && UNITS.containsKey(word) && next.equals("hundred")) {
			return 3;
		}
		if (TEENS.containsKey(word) || TENS.containsKey(word)) {
			return 2;
		}
		return UNITS.containsKey(word) ? 1 : 0;
	}

	private static int count(String placeholder) {
		try {
			return Integer.parseInt(placeholder.substring(PLACEHOLDER.length(), placeholder.length() - 1));
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	private static void add(List<Digit> digits, String text, int word) {
		for (char c : text.toCharArray()) {
			digits.add(new Digit(c, word));
		}
	}

	/** Luhn's check; an unknown digit (x) may be anything, so a number with one passes. */
	static boolean luhn(CharSequence digits) {
		int sum = 0;
		boolean twice = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			char c = digits.charAt(i);
			if (c == 'x') {
				return true;
			}
			int d = c - '0';
			if (twice) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
			twice = !twice;
		}
		return sum % 10 == 0;
	}

}
