package io.callqa.transcription.redaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.callqa.transcription.Utterance;
import io.callqa.transcription.Word;

/**
 * Finds card numbers, security codes and configured patterns in a transcript's words. Each speaker's words are read
 * in time order across utterances (the recogniser splits a number read in groups at every pause); triggers ("card",
 * "security code", "date of birth") are looked for in every speaker's words, so an agent's question is the context
 * of the customer's answer and the agent reading the number back is found too.
 */
public final class RedactionDetector {

	public static final String CARD_NUMBER = "card number";

	public static final String SECURITY_CODE = "security code";

	/** Words that may sit inside a number without ending it ("four five six seven and then eight nine"). */
	static final Set<String> FILLERS = Set.of("and", "then", "uh", "um", "er", "ah", "dash", "hyphen", "space",
			"of", "the", "or");

	/** How far apart in time a card number and a repetition of part of it may be. */
	private static final double REPEAT_WINDOW_SEC = 120;

	private final RedactionProperties settings;

	public RedactionDetector(RedactionProperties settings) {
		this.settings = settings;
	}

	/** A word on the timeline: where it is in the transcript and what it says, lower case. */
	private record Tok(int utterance, int word, String speaker, String text, double start, double end) {
	}

	/** A trigger phrase found: which rule it belongs to and when it was said. */
	private record Trigger(String rule, double start, double end) {
	}

	/** Consecutive words of one speaker read as one number. */
	private record Run(List<Tok> toks, List<NumberWords.Digit> digits) {

		double start() {
			return this.toks.get(0).start();
		}

		double end() {
			return this.toks.get(this.toks.size() - 1).end();
		}

		String digitString() {
			StringBuilder sb = new StringBuilder();
			this.digits.forEach((d) -> sb.append(d.digit()));
			return sb.toString();
		}

		/** The words of digits from..to (exclusive), with the words between them. */
		List<Tok> toksOf(int from, int to) {
			return this.toks.subList(this.digits.get(from).word(), this.digits.get(to - 1).word() + 1);
		}

	}

	/** The spans to redact, in time order. */
	public List<Span> find(List<Utterance> utterances) {
		Map<String, List<Tok>> bySpeaker = timeline(utterances);
		Set<Tok> triggerWords = new HashSet<>();
		List<Trigger> triggers = new ArrayList<>();
		bySpeaker.values().forEach((toks) -> findTriggers(toks, triggers, triggerWords));
		List<Span> spans = new ArrayList<>();
		Set<Tok> taken = new HashSet<>(triggerWords);
		List<Run> runs = new ArrayList<>();
		bySpeaker.values().forEach((toks) -> runs.addAll(runs(toks, taken, Set.of(), false)));
		List<String> cards = new ArrayList<>();
		List<double[]> cardTimes = new ArrayList<>();
		for (Run run : runs) {
			for (int[] window : cardWindows(run, triggers)) {
				spans.add(span(CARD_NUMBER, run.toksOf(window[0], window[1]), taken));
				cards.add(run.digitString().substring(window[0], window[1]));
				cardTimes.add(new double[] { run.start(), run.end() });
			}
		}
		for (Run run : runs) {
			if (!free(run, taken)) {
				continue;
			}
			String digits = run.digitString();
			for (int i = 0; i < cards.size(); i++) {
				boolean near = Math.abs(run.start() - cardTimes.get(i)[0]) <= REPEAT_WINDOW_SEC;
				if (near && digits.replace("x", "").length() >= 4 && matchesPart(cards.get(i), digits)) {
					spans.add(span(CARD_NUMBER, run.toks(), taken));
					break;
				}
			}
		}
		if (this.settings.card().looseMinNumbers() > 0) {
			bySpeaker.values().forEach((toks) -> looseCards(toks, triggers, taken, spans));
		}
		RedactionProperties.SecurityCode code = this.settings.securityCode();
		for (Run run : runs) {
			if (free(run, taken) && run.digits().size() >= code.minDigits() && run.digits().size() <= code.maxDigits()
					&& after(triggers, SECURITY_CODE, run.start(), seconds(code.within()))) {
				spans.add(span(SECURITY_CODE, run.toksOf(0, run.digits().size()), taken));
			}
		}
		for (RedactionProperties.Pattern pattern : this.settings.allPatterns()) {
			Set<String> extra = Set.copyOf(pattern.extraWords());
			for (List<Tok> toks : bySpeaker.values()) {
				for (Run run : runs(toks, taken, extra, true)) {
					int n = run.digits().size();
					if (n >= pattern.minDigits() && n <= pattern.maxDigits()
							&& after(triggers, "pattern:" + pattern.name(), run.start(), seconds(pattern.within()))) {
						spans.add(span(pattern.name(), run.toks(), taken));
					}
				}
			}
			}
		spans.sort(Comparator.comparingDouble(Span::start));
		return spans;
	}

	/** Each speaker's words in time order, lower case, with where they are in the transcript. */
	private static Map<String, List<Tok>> timeline(List<Utterance> utterances) {
		Map<String, List<Tok>> bySpeaker = new LinkedHashMap<>();
		for (int u = 0; u < utterances.size(); u++) {
			Utterance utterance = utterances.get(u);
			List<Word> words = utterance.words();
			for (int w = 0; w < words.size(); w++) {
				Word word = words.get(w);
				bySpeaker.computeIfAbsent(utterance.speaker(), (s) -> new ArrayList<>())
					.add(new Tok(u, w, utterance.speaker(), normal(word.word()), word.start(), word.end()));
			}
		}
		bySpeaker.values().forEach((toks) -> toks.sort(Comparator.comparingDouble(Tok::start)));
		return bySpeaker;
	}

	static String normal(String word) {
		return word.toLowerCase(Locale.ROOT).strip();
	}

	private void findTriggers(List<Tok> toks, List<Trigger> triggers, Set<Tok> triggerWords) {
		Map<String, List<String>> rules = new LinkedHashMap<>();
		this.settings.card().contextWords().forEach((p) -> rules.computeIfAbsent(p, (k) -> new ArrayList<>()).add("card"));
		this.settings.securityCode()
			.triggers()
			.forEach((p) -> rules.computeIfAbsent(p, (k) -> new ArrayList<>()).add(SECURITY_CODE));
		for (RedactionProperties.Pattern pattern : this.settings.allPatterns()) {
			pattern.triggers()
				.forEach((p) -> rules.computeIfAbsent(p, (k) -> new ArrayList<>()).add("pattern:" + pattern.name()));
		}
		rules.forEach((phrase, ruleNames) -> {
			String[] words = normal(phrase).split("\\s+");
			for (int i = 0; i + words.length <= toks.size(); i++) {
				boolean match = true;
				for (int k = 0; k < words.length && match; k++) {
					match = toks.get(i + k).text().equals(words[k]);
				}
				if (match) {
					double start = toks.get(i).start();
					double end = toks.get(i + words.length - 1).end();
					ruleNames.forEach((rule) -> triggers.add(new Trigger(rule, start, end)));
					// "three digits on the back": the trigger's words are not a number.
					triggerWords.addAll(toks.subList(i, i + words.length));
				}
			}
		});
	}

	/**
	 * The speaker's numbers: number words (and, in a pattern's run, ordinals and the pattern's words) no more than
	 * the run gap apart, with fillers and digit homophones allowed between them; a word already taken ends a run.
	 */
	private List<Run> runs(List<Tok> toks, Set<Tok> taken, Set<String> extra, boolean pattern) {
		double gap = seconds(this.settings.runGap());
		List<Run> runs = new ArrayList<>();
		int i = 0;
		while (i < toks.size()) {
			if (taken.contains(toks.get(i)) || !counts(toks.get(i).text(), extra, pattern)) {
				i++;
				continue;
			}
			int last = i;
			int j = i + 1;
			while (j < toks.size() && !taken.contains(toks.get(j)) && toks.get(j).start() - toks.get(j - 1).end() <= gap) {
				String text = toks.get(j).text();
				if (counts(text, extra, pattern)) {
					last = j;
				}
				else if (!FILLERS.contains(text) && !NumberWords.HOMOPHONES.containsKey(text)) {
					break;
				}
				j++;
			}
			List<Tok> run = List.copyOf(toks.subList(i, last + 1));
			List<NumberWords.Digit> digits = NumberWords.digits(run.stream().map(Tok::text).toList(), pattern);
			if (!digits.isEmpty()) {
				runs.add(new Run(run, digits));
			}
			i = last + 1;
		}
		return runs;
	}

	/**
	 * After a card word, a stretch dense with number words is a card number even where the recogniser turned digits
	 * into other words ("for nine one six three free time me and"): see {@link RedactionProperties.Card}.
	 */
	private void looseCards(List<Tok> toks, List<Trigger> triggers, Set<Tok> taken, List<Span> spans) {
		RedactionProperties.Card card = this.settings.card();
		double gap = seconds(this.settings.runGap());
		int i = 0;
		while (i < toks.size()) {
			if (taken.contains(toks.get(i)) || !numberish(toks.get(i).text())) {
				i++;
				continue;
			}
			int last = i;
			int numbers = 1;
			int others = 0;
			int j = i + 1;
			while (j < toks.size() && !taken.contains(toks.get(j)) && others <= 3
					&& toks.get(j).start() - toks.get(j - 1).end() <= gap) {
				if (numberish(toks.get(j).text())) {
					last = j;
					numbers++;
					others = 0;
				}
				else {
					others++;
				}
				j++;
			}
			List<Tok> stretch = toks.subList(i, last + 1);
			double start = stretch.get(0).start();
			double end = stretch.get(stretch.size() - 1).end();
			boolean context = triggers.stream()
				.anyMatch((t) -> t.rule().equals("card") && t.end() <= end && t.end() >= start - seconds(card.context()));
			if (context && numbers >= card.looseMinNumbers() && numbers * 2 >= stretch.size()) {
				spans.add(span(CARD_NUMBER, List.copyOf(stretch), taken));
			}
			i = last + 1;
		}
	}

	private static boolean numberish(String text) {
		return NumberWords.isNumberWord(text, false) || NumberWords.HOMOPHONES.containsKey(text);
	}

	private static boolean counts(String text, Set<String> extra, boolean pattern) {
		return NumberWords.isNumberWord(text, pattern) || extra.contains(text);
	}

	/**
	 * Where a run holds a card number, as [from, to) digit indexes: the whole run if it is 13 to 19 digits and passes
	 * Luhn's check, or if it is long enough after a context word; otherwise every longest stretch, beginning and
	 * ending at word boundaries, that does.
	 */
	private List<int[]> cardWindows(Run run, List<Trigger> triggers) {
		int n = run.digits().size();
		String digits = run.digitString();
		RedactionProperties.Card card = this.settings.card();
		if (n >= 13 && n <= 19 && NumberWords.luhn(digits)) {
			return List.of(new int[] { 0, n });
		}
		boolean context = triggers.stream()
			.anyMatch((t) -> t.rule().equals("card") && t.end() <= run.end()
					&& t.end() >= run.start() - seconds(card.context()));
		if (context && card.misheardMinDigits() > 0 && n >= card.misheardMinDigits()) {
			return List.of(new int[] { 0, n });
		}
		if (card.uncheckedMinDigits() > 0 && n >= card.uncheckedMinDigits()) {
			return List.of(new int[] { 0, n });
		}
		List<int[]> windows = new ArrayList<>();
		boolean[] used = new boolean[n];
		for (int length = Math.min(19, n); length >= 13; length--) {
			for (int from = 0; from + length <= n; from++) {
				int to = from + length;
				if (startsWord(run, from) && endsWord(run, to) && free(used, from, to)
						&& NumberWords.luhn(digits.substring(from, to))) {
					windows.add(new int[] { from, to });
					for (int k = from; k < to; k++) {
						used[k] = true;
					}
				}
			}
		}
		return windows;
	}

	private static boolean startsWord(Run run, int from) {
		return from == 0 || run.digits().get(from - 1).word() != run.digits().get(from).word();
	}

	private static boolean endsWord(Run run, int to) {
		return to == run.digits().size() || run.digits().get(to).word() != run.digits().get(to - 1).word();
	}

	private static boolean free(boolean[] used, int from, int to) {
		for (int k = from; k < to; k++) {
			if (used[k]) {
				return false;
			}
		}
		return true;
	}

	/** A repetition of part of a card number (the agent reading back a group, unknown digits matching anything). */
	private static boolean matchesPart(String card, String digits) {
		for (int from = 0; from + digits.length() <= card.length(); from++) {
			boolean match = true;
			for (int k = 0; k < digits.length() && match; k++) {
				char a = card.charAt(from + k);
				char b = digits.charAt(k);
				match = a == b || a == 'x' || b == 'x';
			}
			if (match) {
				return true;
			}
		}
		return false;
	}

	private static boolean after(List<Trigger> triggers, String rule, double start, double within) {
		return triggers.stream()
			.anyMatch((t) -> t.rule().equals(rule) && t.end() <= start + 0.05 && start - t.end() <= within);
	}

	private static boolean free(Run run, Set<Tok> taken) {
		return run.toks().stream().noneMatch(taken::contains);
	}

	/** A span of these words; they are taken, no other rule finds them again. */
	private static Span span(String kind, List<Tok> toks, Set<Tok> taken) {
		taken.addAll(toks);
		Tok first = toks.get(0);
		Tok last = toks.get(toks.size() - 1);
		List<Span.WordAt> words = toks.stream().map((t) -> new Span.WordAt(t.utterance(), t.word())).toList();
		String heard = String.join(" ", toks.stream().map(Tok::text).toList());
		return new Span(kind, first.speaker(), first.start(), last.end(), words, heard);
	}

	static double seconds(java.time.Duration duration) {
		return duration.toMillis() / 1000.0;
	}

}
