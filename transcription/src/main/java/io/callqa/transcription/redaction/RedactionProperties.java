package io.callqa.transcription.redaction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of redaction ({@code callqa.redaction.*}), read by transcription (what is redacted in the words) and
 * telephony (whether new recordings are held until redacted).
 *
 * @param mode {@code redact} (default): found spans are replaced in the transcript and overwritten in the audio
 * before anything is stored; {@code highlight}: words and audio are kept as heard and the spans that would have been
 * redacted are stored to be shown on the call page (to tune the patterns on real calls); {@code off}
 * @param runGap the longest pause between two number words of one speaker within one number (groups of four read
 * with the agent confirming each in between)
 * @param audioPadding added before and after each span when the audio is overwritten (word times are approximate)
 * @param card when a run of digits is a card number
 * @param securityCode when a short run of digits is a security code
 * @param patterns further patterns (a date of birth, an account number); with {@code defaultPatterns} the built-in
 * date of birth and account number come first
 * @param defaultPatterns whether the built-in patterns apply
 */
@ConfigurationProperties("callqa.redaction")
public record RedactionProperties(@DefaultValue("redact") Mode mode, @DefaultValue("6s") Duration runGap,
		@DefaultValue("250ms") Duration audioPadding, @DefaultValue Card card, @DefaultValue SecurityCode securityCode,
		@Nullable List<Pattern> patterns, @DefaultValue("true") boolean defaultPatterns) {

	/** What happens to what was found. */
	public enum Mode {

		REDACT, HIGHLIGHT, OFF

	}

	/**
	 * A run of 13 to 19 digits that passes Luhn's check is a card number wherever it is said. After a context word
	 * (within {@code context} before the run), a run of {@code misheardMinDigits} or more is one too even if Luhn's
	 * check fails: the recogniser mishears, drops or adds a digit now and then, and a recorder errs on the side of
	 * redacting. So is any run of {@code uncheckedMinDigits} or more, context or not (the context word is misheard
	 * too).
	 *
	 * @param contextWords words or phrases that announce a card number
	 * @param context how long before a run a context word counts
	 * @param misheardMinDigits the shortest run redacted after a context word without passing Luhn's check; 0: never
	 * @param uncheckedMinDigits the shortest run redacted without context nor Luhn's check; 0: never (a run then
	 * needs Luhn's check or a context word)
	 * @param looseMinNumbers after a context word, a stretch of one speaker's words with at least this many number
	 * words (digit homophones included) making at least half of it, with no more than three other words in a row
	 * (digits the recogniser heard as other words: "six eight family nine"), is a card number; 0: never
	 */
	public record Card(
			@DefaultValue({ "card", "credit", "debit", "visa", "mastercard", "master card", "amex",
					"american express", "long number" }) List<String> contextWords,
			@DefaultValue("30s") Duration context, @DefaultValue("12") int misheardMinDigits,
			@DefaultValue("13") int uncheckedMinDigits, @DefaultValue("8") int looseMinNumbers) {
	}

	/**
	 * A run of {@code minDigits} to {@code maxDigits} digits starting within {@code within} after a trigger.
	 */
	public record SecurityCode(
			@DefaultValue({ "security code", "security number", "cvv", "cvc", "c v v", "c v c", "see v v",
					"verification code", "digits on the back", "numbers on the back", "back of the card",
					"three digit code", "card verification", "on the back" }) List<String> triggers,
			@DefaultValue("10s") Duration within, @DefaultValue("2") int minDigits,
			@DefaultValue("5") int maxDigits) {
	}

	/**
	 * A configured pattern: a run of {@code minDigits} to {@code maxDigits} digits starting within {@code within}
	 * after one of the triggers, which may include the {@code extraWords} (month names for a date) and ordinals
	 * ("the fourth of july").
	 *
	 * @param name the kind shown with each span ("date of birth"); the transcript shows {@code [name]}
	 */
	public record Pattern(String name, List<String> triggers, @DefaultValue("1") int minDigits,
			@DefaultValue("20") int maxDigits, @DefaultValue("10s") Duration within,
			@Nullable List<String> extraWords) {

		public Pattern {
			extraWords = (extraWords != null) ? List.copyOf(extraWords) : List.of();
		}

	}

	static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june", "july",
			"august", "september", "october", "november", "december");

	/** Built in: a date of birth and an account number. */
	static final List<Pattern> DEFAULT_PATTERNS = List.of(
			new Pattern("date of birth", List.of("date of birth", "born on", "birth date", "birthday is"), 2, 8,
					Duration.ofSeconds(10), MONTHS),
			new Pattern("account number", List.of("account number"), 6, 12, Duration.ofSeconds(10), List.of()));

	/** The defaults, as Spring binds them without any property: for tests and tools without Spring. */
	public static RedactionProperties defaults() {
		return new RedactionProperties(Mode.REDACT, Duration.ofSeconds(6), Duration.ofMillis(250),
				new Card(List.of("card", "credit", "debit", "visa", "mastercard", "master card", "amex",
						"american express", "long number"), Duration.ofSeconds(30), 12, 13, 8),
				new SecurityCode(List.of("security code", "security number", "cvv", "cvc", "c v v", "c v c",
						"see v v", "verification code", "digits on the back", "numbers on the back", "back of the card",
						"three digit code", "card verification", "on the back"), Duration.ofSeconds(10), 2, 5),
				null, true);
	}

	/** The patterns in force: the built-in ones (unless turned off), then the configured ones. */
	public List<Pattern> allPatterns() {
		List<Pattern> all = new ArrayList<>(this.defaultPatterns ? DEFAULT_PATTERNS : List.of());
		if (this.patterns != null) {
			all.addAll(this.patterns);
		}
		return all;
	}

	public RedactionProperties withMode(Mode mode) {
		return new RedactionProperties(mode, this.runGap, this.audioPadding, this.card, this.securityCode,
				this.patterns, this.defaultPatterns);
	}

}
