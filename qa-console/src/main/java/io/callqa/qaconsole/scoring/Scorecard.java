package io.callqa.qaconsole.scoring;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import io.callqa.qaconsole.rules.Rule;
import io.callqa.qaconsole.rules.RuleValidation;

/**
 * A written standard as a checklist: sections of weighted items and the percentage needed to pass. It validates
 * answers against its items and computes an evaluation's score itself.
 */
public record Scorecard(double passThreshold, List<Section> sections) {

	private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]*");

	public Scorecard {
		sections = (sections != null) ? List.copyOf(sections) : List.of();
	}

	/** Reads a scorecard from JSON; a missing threshold is left for {@link #validated()} to report. */
	@JsonCreator
	static Scorecard json(@JsonProperty("passThreshold") @Nullable Double passThreshold,
			@JsonProperty("sections") @Nullable List<Section> sections) {
		return new Scorecard((passThreshold != null) ? passThreshold : Double.NaN, sections);
	}

	/** Checks the scorecard is usable: something to score, unique keys, sensible weights and points. */
	public Scorecard validated() {
		require(this.passThreshold >= 0 && this.passThreshold <= 100, "The pass threshold must be between 0 and 100");
		require(!this.sections.isEmpty(), "A scorecard needs at least one section");
		Set<String> keys = new HashSet<>();
		for (Section section : this.sections) {
			require(section.name() != null && !section.name().isBlank(), "Every section needs a name");
			require(section.items() != null && !section.items().isEmpty(), "Section '" + section.name() + "' has no items");
			section.items().forEach((item) -> validate(item, keys));
		}
		return this;
	}

	/**
	 * {@link #validated()}, and every item's rule usable: a known kind with what it needs, queries the search can
	 * parse.
	 */
	public Scorecard validated(RuleValidation rules) {
		validated();
		for (Item item : items()) {
			if (item.rule() != null) {
				String problem = rules.problem(item.rule());
				require(problem == null, "Item '" + item.key() + "': " + problem);
			}
		}
		return this;
	}

	private static void validate(Item item, Set<String> keys) {
		require(item.key() != null && KEY.matcher(item.key()).matches(),
				"Item key '" + item.key() + "' must be lower-case letters, digits, '.', '_' or '-'");
		require(keys.add(item.key()), "Item key '" + item.key() + "' is used twice");
		require(item.label() != null && !item.label().isBlank(), "Item '" + item.key() + "' needs a label");
		require(item.type() != null, "Item '" + item.key() + "' needs a type (YES_NO or POINTS)");
		require(item.weight() > 0, "Item '" + item.key() + "' needs a weight above 0");
		require(item.type() == ItemType.YES_NO || (item.maxPoints() != null && item.maxPoints() >= 1),
				"POINTS item '" + item.key() + "' needs maxPoints of at least 1");
		String problem = (item.rule() != null) ? item.rule().problem() : null;
		require(problem == null, "Item '" + item.key() + "': " + problem);
	}

	public List<Item> items() {
		return this.sections.stream().flatMap((section) -> section.items().stream()).toList();
	}

	public Optional<Item> item(String key) {
		return items().stream().filter((item) -> item.key().equals(key)).findFirst();
	}

	/** Checks one answer against its item: it exists, its value is in range, and N/A only where allowed. */
	public void check(Answer answer) {
		Item item = item(answer.key())
			.orElseThrow(() -> new InvalidAnswerException("Unknown item '" + answer.key() + "'"));
		if (answer.na()) {
			answerRequires(item.naAllowed(), "Item '" + item.key() + "' cannot be N/A");
			answerRequires(answer.value() == null, "Item '" + item.key() + "' is N/A and cannot have a value as well");
		}
		else if (answer.value() != null) {
			checkValue(item, answer.value());
		}
		answerRequires(answer.evidenceSec() == null || answer.evidenceSec() >= 0,
				"Evidence of item '" + item.key() + "' must be a second of the recording (0 or more)");
	}

	private static void checkValue(Item item, double value) {
		answerRequires(value >= 0 && value <= item.max() && value == Math.rint(value),
				"Item '" + item.key() + "' takes " + (item.type() == ItemType.YES_NO ? "1 (yes) or 0 (no)"
						: "whole points from 0 to " + item.max()) + ", not " + value);
	}

	/** The items that still have neither a value nor N/A. */
	public List<String> unanswered(Map<String, Answer> answers) {
		List<String> missing = new ArrayList<>();
		for (Item item : items()) {
			Answer answer = answers.get(item.key());
			if (answer == null || (!answer.na() && answer.value() == null)) {
				missing.add(item.key());
			}
		}
		return missing;
	}

	/**
	 * Scores the answered items: the weighted share of points over the items that are not N/A, zero when a
	 * critical item failed. Unanswered items are left out, so a draft gets a preview.
	 */
	public Score score(Map<String, Answer> answers) {
		double earned = 0;
		double possible = 0;
		boolean criticalFailed = false;
		for (Item item : items()) {
			Answer answer = answers.get(item.key());
			if (answer == null || answer.na() || answer.value() == null) {
				continue;
			}
			earned += item.weight() * answer.value() / item.max();
			possible += item.weight();
			criticalFailed |= item.critical() && answer.value() == 0;
		}
		return Score.of(criticalFailed ? 0 : percent(earned, possible), criticalFailed, this.passThreshold);
	}

	private static double percent(double earned, double possible) {
		return (possible == 0) ? 0 : Math.round(10000 * earned / possible) / 100.0;
	}

	/** The complete score of a submission: every item answered and at least one not N/A. */
	public Score scoreSubmission(Map<String, Answer> answers) {
		List<String> missing = unanswered(answers);
		answerRequires(missing.isEmpty(), "Not answered yet: " + String.join(", ", missing));
		answerRequires(items().stream().anyMatch((item) -> !answers.get(item.key()).na()),
				"Every item is N/A: there is nothing to score");
		return score(answers);
	}

	static Map<String, Answer> byKey(List<Answer> answers) {
		Map<String, Answer> byKey = new LinkedHashMap<>();
		answers.forEach((answer) -> byKey.put(answer.key(), answer));
		return byKey;
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new InvalidScorecardException(message);
		}
	}

	private static void answerRequires(boolean condition, String message) {
		if (!condition) {
			throw new InvalidAnswerException(message);
		}
	}

	/** A named group of items, e.g. "Greeting". */
	public record Section(String name, List<Item> items) {

		public Section {
			items = (items != null) ? List.copyOf(items) : List.of();
		}

	}

	/**
	 * One check of the standard. YES_NO items score 1 or 0; POINTS items 0 to {@code maxPoints}. A critical item
	 * answered "no" (or 0 points) fails the whole evaluation. An item with a {@link Rule} is also scored automatically
	 * on every transcribed call; one without stays manual.
	 */
	public record Item(String key, String label, double weight, ItemType type, @Nullable Integer maxPoints,
			boolean naAllowed, boolean critical, @Nullable String guidance, @Nullable Rule rule) {

		/** An item without a rule: scored by people only. */
		public Item(String key, String label, double weight, ItemType type, @Nullable Integer maxPoints,
				boolean naAllowed, boolean critical, @Nullable String guidance) {
			this(key, label, weight, type, maxPoints, naAllowed, critical, guidance, null);
		}

		/** The same item with this rule. */
		public Item withRule(@Nullable Rule rule) {
			return new Item(this.key, this.label, this.weight, this.type, this.maxPoints, this.naAllowed, this.critical,
					this.guidance, rule);
		}

		/** Reads an item from JSON: flags default to false, a missing weight is left for validation to report. */
		@JsonCreator
		static Item json(@JsonProperty("key") String key, @JsonProperty("label") String label,
				@JsonProperty("weight") @Nullable Double weight, @JsonProperty("type") ItemType type,
				@JsonProperty("maxPoints") @Nullable Integer maxPoints,
				@JsonProperty("naAllowed") @Nullable Boolean naAllowed,
				@JsonProperty("critical") @Nullable Boolean critical, @JsonProperty("guidance") @Nullable String guidance,
				@JsonProperty("rule") @Nullable Rule rule) {
			return new Item(key, label, (weight != null) ? weight : 0, type, maxPoints, Boolean.TRUE.equals(naAllowed),
					Boolean.TRUE.equals(critical), guidance, rule);
		}

		/** The value that earns the full weight. */
		public int max() {
			return (this.type == ItemType.POINTS && this.maxPoints != null) ? this.maxPoints : 1;
		}

	}

	/** How an item is answered. */
	public enum ItemType {

		YES_NO, POINTS

	}

}
