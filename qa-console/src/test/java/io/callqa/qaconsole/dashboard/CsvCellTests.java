package io.callqa.qaconsole.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CSV cells are quoted and cannot start a formula in a spreadsheet (OWASP "CSV injection"): a leading {@code =},
 * {@code +}, {@code -}, {@code @}, tab or carriage return, also after leading spaces, gets a {@code '} in front.
 */
class CsvCellTests {

	@ParameterizedTest
	@ValueSource(strings = { "=1+2", "+1", "-1", "@SUM(A1)", "\t=1+2", "\r=1+2", "\n=1", "  =1+2", " \t@x", "\u00a0=1",
			"＝1+2", "\t", "\rx" })
	void formulaStartsAreDefused(String value) {
		String cell = CsvCell.text(value);
		assertThat(cell).startsWith("\"'");
		assertThat(cell).endsWith("\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "support", "sales-2", "a=b", "x@y", "Mrs. O'Brien", "1-2" })
	void ordinaryTextIsOnlyQuoted(String value) {
		assertThat(CsvCell.text(value)).isEqualTo("\"" + value + "\"");
	}

	@Test
	void quotesAreDoubledAndNullIsEmpty() {
		assertThat(CsvCell.text("say \"hi\", then")).isEqualTo("\"say \"\"hi\"\", then\"");
		assertThat(CsvCell.text("=\"x\"")).isEqualTo("\"'=\"\"x\"\"\"");
		assertThat(CsvCell.text(null)).isEmpty();
	}

}
