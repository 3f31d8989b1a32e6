package io.callqa.qaconsole.dashboard;

import org.jspecify.annotations.Nullable;

/**
 * A text cell of the CSV export: quoted, so a queue or agent name with a comma or quote stays one field, and unable
 * to start a formula when opened in a spreadsheet (OWASP "CSV injection").
 */
public final class CsvCell {

	/** What makes a spreadsheet read a formula; full-width forms too, which some spreadsheets normalise. */
	private static final String FORMULA_STARTS = "=+-@＝＋－＠";

	private CsvCell() {
	}

	public static String text(@Nullable String value) {
		if (value == null) {
			return "";
		}
		String safe = startsFormula(value) ? "'" + value : value;
		return "\"" + safe.replace("\"", "\"\"") + "\"";
	}

	/**
	 * A tab, carriage return or line feed first, or a formula character after any leading white space (spreadsheets
	 * skip it).
	 */
	private static boolean startsFormula(String value) {
		if (value.isEmpty()) {
			return false;
		}
		char first = value.charAt(0);
		if (first == '\t' || first == '\r' || first == '\n') {
			return true;
		}
		int at = 0;
		while (at < value.length() && (Character.isWhitespace(value.charAt(at)) || Character.isSpaceChar(value.charAt(at)))) {
			at++;
		}
		return at < value.length() && FORMULA_STARTS.indexOf(value.charAt(at)) >= 0;
	}

}
