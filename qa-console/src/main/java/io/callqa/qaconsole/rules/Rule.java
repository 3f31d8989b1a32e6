package io.callqa.qaconsole.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The rule of a scorecard item, as stored in the item's JSON (so rules are versioned with the standard). One record
 * for every kind, with only the fields of its kind set, so that whatever a client sends is read and
 * {@link #problem()} can say what is wrong, naming the field, rather than the JSON reader failing on it:
 *
 * <pre>
 * {"kind":"SAID", "query":"\"thank you for calling\"", "speaker":"AGENT", "matching":"TOLERANT",
 *  "window":{"kind":"FIRST", "seconds":15}}
 * {"kind":"NOT_SAID", "query":"\"shut up\" OR stupid", "speaker":"AGENT", "window":{"kind":"ANYWHERE"}}
 * {"kind":"SAID", "query":"sorry", "speaker":"AGENT",
 *  "window":{"kind":"AFTER", "after":"complaint OR unhappy", "afterSpeaker":"CUSTOMER", "seconds":30}}
 * {"kind":"SILENCE", "maxSec":10}        {"kind":"TALK_OVER", "maxCount":3, "maxShare":0.1}
 * {"kind":"AGENT_TALK_SHARE", "min":0.3, "max":0.7}    {"kind":"AGENT_WPM", "min":110, "max":180}
 * {"kind":"WAIT", "maxSec":60}   {"kind":"HOLD", "maxSec":120}   {"kind":"DURATION", "minSec":30, "maxSec":900}
 * {"kind":"FACT", "fact":"OUTCOME", "in":["ANSWERED"]}    {"kind":"FACT", "fact":"SURVEY", "min":7}
 * </pre>
 *
 * speaker: AGENT, CUSTOMER or ANY (the default); matching: EXACT, STEMMED (the default) or TOLERANT; window kind:
 * ANYWHERE (the default), FIRST and LAST (with seconds), AFTER (after a query said by afterSpeaker, default ANY,
 * optionally within seconds of it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rule(@Nullable String kind, @Nullable String query, @Nullable String speaker, @Nullable String matching,
		@Nullable Window window, @Nullable Double maxSec, @Nullable Double minSec, @Nullable Integer maxCount,
		@Nullable Double maxShare, @Nullable Double min, @Nullable Double max, @Nullable String fact,
		@Nullable List<String> in) {

	/** The longest query a rule takes, as a category's. */
	static final int MAX_QUERY = 2_000;

	public Rule {
		in = (in != null) ? List.copyOf(in) : null;
	}

	/** A SAID or NOT_SAID rule. */
	public static Rule phrase(Kind kind, String query, @Nullable String speaker, @Nullable String matching,
			@Nullable Window window) {
		return new Rule(kind.name(), query, speaker, matching, window, null, null, null, null, null, null, null, null);
	}

	/** Where in the call a SAID or NOT_SAID rule looks. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Window(@Nullable String kind, @Nullable Double seconds, @Nullable String after,
			@Nullable String afterSpeaker) {

		public static Window first(double seconds) {
			return new Window(WindowKind.FIRST.name(), seconds, null, null);
		}

		public static Window last(double seconds) {
			return new Window(WindowKind.LAST.name(), seconds, null, null);
		}

		public static Window after(String after, @Nullable String afterSpeaker, @Nullable Double seconds) {
			return new Window(WindowKind.AFTER.name(), seconds, after, afterSpeaker);
		}

	}

	/** The kinds of rule. */
	public enum Kind {

		SAID, NOT_SAID, SILENCE, TALK_OVER, AGENT_TALK_SHARE, AGENT_WPM, WAIT, HOLD, DURATION, FACT;

		boolean isPhrase() {
			return this == SAID || this == NOT_SAID;
		}

	}

	/** Whose words a phrase rule searches. */
	public enum Speaker {

		ANY, AGENT, CUSTOMER

	}

	/** Where a phrase rule looks. */
	public enum WindowKind {

		ANYWHERE, FIRST, LAST, AFTER

	}

	/** The call facts a FACT rule checks. */
	public enum Fact {

		OUTCOME, QUEUE, DIRECTION, SURVEY

	}

	/**
	 * Why the rule cannot be used, in words for the person who wrote it, or null when it can. Only the structure is
	 * checked here; whether the queries parse is {@link RuleValidation}'s.
	 */
	public @Nullable String problem() {
		if (this.kind == null || this.kind.isBlank()) {
			return "a rule needs a kind (" + names(Kind.values()) + ")";
		}
		Kind parsed = parse(Kind.class, this.kind);
		if (parsed == null) {
			return "unknown rule kind '" + this.kind + "': " + names(Kind.values());
		}
		return switch (parsed) {
			case SAID, NOT_SAID -> phraseProblem();
			case SILENCE, WAIT, HOLD -> (this.maxSec == null || this.maxSec < 0)
					? parsed + " needs maxSec, 0 or more seconds" : null;
			case TALK_OVER -> talkOverProblem();
			case AGENT_TALK_SHARE -> boundsProblem(parsed, this.min, this.max, 0, 1, "min and max", "a share from 0 to 1");
			case AGENT_WPM -> boundsProblem(parsed, this.min, this.max, 0, 1000, "min and max",
					"words per minute from 0 to 1000");
			case DURATION -> boundsProblem(parsed, this.minSec, this.maxSec, 0, Double.MAX_VALUE, "minSec and maxSec",
					"0 or more seconds");
			case FACT -> factProblem();
		};
	}

	private @Nullable String phraseProblem() {
		String problem = queryProblem("the rule needs a query", this.query);
		if (problem != null) {
			return problem;
		}
		if (this.speaker != null && parse(Speaker.class, this.speaker) == null) {
			return "unknown speaker '" + this.speaker + "': " + names(Speaker.values());
		}
		if (this.matching != null && parseMatching(this.matching) == null) {
			return "unknown matching '" + this.matching + "': EXACT, STEMMED, TOLERANT";
		}
		return (this.window != null) ? windowProblem(this.window) : null;
	}

	private static @Nullable String windowProblem(Window window) {
		WindowKind kind = (window.kind() != null) ? parse(WindowKind.class, window.kind()) : WindowKind.ANYWHERE;
		if (kind == null) {
			return "unknown window kind '" + window.kind() + "': " + names(WindowKind.values());
		}
		boolean positive = window.seconds() != null && window.seconds() > 0;
		return switch (kind) {
			case ANYWHERE -> null;
			case FIRST, LAST -> positive ? null : "a " + kind + " window needs seconds, more than 0";
			case AFTER -> {
				String problem = queryProblem("an AFTER window needs an \"after\" query", window.after());
				if (problem == null && window.afterSpeaker() != null && parse(Speaker.class, window.afterSpeaker()) == null) {
					problem = "unknown afterSpeaker '" + window.afterSpeaker() + "': " + names(Speaker.values());
				}
				if (problem == null && window.seconds() != null && !positive) {
					problem = "an AFTER window's seconds must be more than 0";
				}
				yield problem;
			}
		};
	}

	private static @Nullable String queryProblem(String needs, @Nullable String query) {
		if (query == null || query.isBlank()) {
			return needs + " in the search syntax";
		}
		if (query.length() > MAX_QUERY) {
			return "a rule's query has at most " + MAX_QUERY + " characters, not " + query.length();
		}
		return null;
	}

	private @Nullable String talkOverProblem() {
		if (this.maxCount == null && this.maxShare == null) {
			return "TALK_OVER needs maxCount, maxShare or both";
		}
		if (this.maxCount != null && this.maxCount < 0) {
			return "TALK_OVER's maxCount must be 0 or more";
		}
		if (this.maxShare != null && (this.maxShare < 0 || this.maxShare > 1)) {
			return "TALK_OVER's maxShare must be a share from 0 to 1";
		}
		return null;
	}

	private static @Nullable String boundsProblem(Kind kind, @Nullable Double low, @Nullable Double high,
			double floor, double ceiling, String names, String what) {
		if (low == null && high == null) {
			return kind + " needs " + names + " (or one of them)";
		}
		for (Double bound : Arrays.asList(low, high)) {
			if (bound != null && (bound.isNaN() || bound < floor || bound > ceiling)) {
				return kind + "'s " + names + " must be " + what;
			}
		}
		if (low != null && high != null && low > high) {
			return kind + "'s minimum " + low + " is above its maximum " + high;
		}
		return null;
	}

	private @Nullable String factProblem() {
		Fact parsed = (this.fact != null) ? parse(Fact.class, this.fact) : null;
		if (parsed == null) {
			return "FACT needs a fact: " + names(Fact.values());
		}
		if (parsed == Fact.SURVEY) {
			return (this.min == null || this.min < 0 || this.min > 10) ? "FACT SURVEY needs min, a score from 0 to 10"
					: null;
		}
		if (this.in == null || this.in.isEmpty() || this.in.stream().anyMatch((value) -> value == null || value.isBlank())) {
			return "FACT " + parsed + " needs \"in\": the values that pass";
		}
		return null;
	}

	/** The kind; only for a rule without {@link #problem()}. */
	@JsonIgnore
	Kind parsedKind() {
		return parse(Kind.class, this.kind);
	}

	static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String name) {
		if (name == null) {
			return null;
		}
		String wanted = name.strip().toUpperCase(Locale.ROOT);
		return Arrays.stream(type.getEnumConstants()).filter((value) -> value.name().equals(wanted)).findFirst()
			.orElse(null);
	}

	static io.callqa.transcription.@Nullable Matching parseMatching(@Nullable String name) {
		if (name == null) {
			return io.callqa.transcription.Matching.STEMMED;
		}
		try {
			return io.callqa.transcription.Matching.of(name);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String names(Enum<?>[] values) {
		return String.join(", ", Arrays.stream(values).map(Enum::name).toList());
	}

}
