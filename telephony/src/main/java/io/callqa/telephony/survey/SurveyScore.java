package io.callqa.telephony.survey;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads a 0-10 rating from the digits a caller keyed in.
 */
final class SurveyScore {

	private static final Pattern ONE_OR_TWO_DIGITS = Pattern.compile("[0-9]{1,2}");

	private SurveyScore() {
	}

	/**
	 * Parses keypad input: {@code "9"} is 9, {@code "10"} is 10, {@code "07"} is 7.
	 * @param digits what GET DATA returned ({@code '#'} already ended the input and is not part of it)
	 * @return the score, or null for nothing, {@code *}, or a number over 10
	 */
	static @Nullable Integer parse(@Nullable String digits) {
		if (digits == null || !ONE_OR_TWO_DIGITS.matcher(digits).matches()) {
			return null;
		}
		int score = Integer.parseInt(digits);
		return (score <= 10) ? score : null;
	}

}
