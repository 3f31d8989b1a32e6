package io.callqa.qaconsole.promises;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.callqa.transcription.Transcript;
import io.callqa.transcription.Utterance;
import io.callqa.transcription.Word;

/**
 * Finds the commitments in the agent's words of a transcript: someone on the call center's side ("I", "we", "a
 * colleague") who will call, e-mail or do something for the customer ("I'll call you back within the hour", "we will
 * send you an email", "I'm going to arrange a refund by Monday"), with the time said around it. Offers and questions
 * ("shall I call you back?", "would you like me to...") and negations ("I won't") are not promises. On a mono
 * recording (speaker "mixed") the whole call is read, since the agent's words cannot be told apart.
 */
final class PromiseDetector {

	/** Subjects that commit the call center. */
	private static final Set<String> SUBJECTS = Set.of("i", "we", "someone", "somebody", "colleague", "team",
			"manager", "supervisor", "technician", "engineer", "department");

	/**
	 * Words before "will" that do not commit the call center (the customer, a thing). Any other word may be a
	 * misheard "I": the model hears "i will process" as "guy will profit".
	 */
	private static final Set<String> NOT_SUBJECTS = Set.of("you", "it", "that", "this", "there", "which", "what",
			"who", "he", "she", "they", "these", "those", "thing", "things", "when", "where", "how", "why", "if");

	/** After "will", a pronoun makes a question ("will you...", "what time will i..."). */
	private static final Set<String> PRONOUNS = Set.of("i", "you", "we", "they", "it", "he", "she", "someone",
			"somebody");

	/** Words between the subject and "will" that keep the meaning ("I personally will"). */
	private static final Set<String> BEFORE_MODAL = Set.of("personally", "myself", "also", "definitely", "then");

	/** Words between "will" and the verb that keep a promise a promise. */
	private static final Set<String> FILLERS = Set.of("definitely", "personally", "also", "just", "then",
			"certainly", "absolutely", "actually", "really", "myself", "make", "sure", "to", "and", "try", "be", "get");

	/** Contractions and spellings the recogniser or a test script may use, read as the words they stand for. */
	private static final Map<String, List<String>> EXPAND = Map.ofEntries(
			Map.entry("i'll", List.of("i", "will")), Map.entry("we'll", List.of("we", "will")),
			Map.entry("i'm", List.of("i", "am")), Map.entry("we're", List.of("we", "are")),
			Map.entry("won't", List.of("will", "not")), Map.entry("shan't", List.of("shall", "not")),
			Map.entry("gonna", List.of("going", "to")), Map.entry("someone'll", List.of("someone", "will")),
			Map.entry("e-mail", List.of("email")), Map.entry("e-mails", List.of("email")),
			Map.entry("emails", List.of("email")), Map.entry("e-mailing", List.of("emailing")));

	private static final int TIME_AFTER = 12;

	private static final int TIME_BEFORE = 6;

	/** How far after a verb an "and" may join the subject's next promise. */
	private static final int CONTINUATION = 8;

	/** A second mention of the same kind of promise this soon after the first is the same promise. */
	private static final double SAME_PROMISE_SEC = 20;

	private PromiseDetector() {
	}

	/** A promise as said. */
	record Spoken(PromiseKind kind, String phrase, double startSec, double endSec, String speaker,
			@Nullable String timePhrase, TimeExpressions.@Nullable When when) {
	}

	/**
	 * One word of the transcript as the detector reads it, from word {@code word} to {@code lastWord}: a contraction
	 * gives several tokens with the same times, a pair the model splits ("e mail", "to day") one token of both words.
	 */
	private record Token(String text, int word, int lastWord, double start, double end) {
	}

	static List<Spoken> find(Transcript transcript) {
		List<Spoken> found = new ArrayList<>();
		for (Utterance utterance : transcript.utterances()) {
			if ("agent".equals(utterance.speaker()) || "mixed".equals(utterance.speaker())) {
				find(utterance, found);
			}
		}
		return withoutRepeats(found);
	}

	private static void find(Utterance utterance, List<Spoken> found) {
		List<Word> words = words(utterance);
		List<Token> tokens = tokens(words);
		List<String> text = tokens.stream().map(Token::text).toList();
		for (int i = 0; i < tokens.size(); i++) {
			if (NOT_SUBJECTS.contains(text.get(i))) {
				continue;
			}
			Optional<int[]> promise = promise(text, i);
			if (promise.isEmpty()) {
				continue;
			}
			// "I will process the refund today and call you back within one hour": one subject, two promises.
			int start = i;
			int verbEnd = promise.get()[0];
			PromiseKind kind = PromiseKind.values()[promise.get()[1]];
			boolean first = true;
			while (true) {
				int @Nullable [] next = continuation(text, verbEnd);
				int limit = (next != null) ? next[0] : verbEnd + TIME_AFTER;
				int end = verbEnd;
				TimeExpressions.Found time = null;
				for (int j = verbEnd; j < tokens.size() && j < limit && time == null; j++) {
					if (j > verbEnd && !NOT_SUBJECTS.contains(text.get(j)) && promise(text, j).isPresent()) {
						break; // the next promise's time is its own
					}
					time = TimeExpressions.at(text, j).filter((f) -> f.to() <= limit || next == null).orElse(null);
				}
				if (time != null) {
					end = Math.max(end, time.to());
				}
				else if (first) {
					int subject = i;
					for (int j = i - 1; j >= 0 && j >= i - TIME_BEFORE && time == null; j--) {
						time = TimeExpressions.at(text, j).filter((f) -> f.to() <= subject).orElse(null);
					}
					if (time != null) {
						start = time.from();
					}
				}
				String phrase = said(words, tokens, start, end);
				String timePhrase = (time != null) ? said(words, tokens, time.from(), time.to()) : null;
				found.add(new Spoken(kind, phrase, tokens.get(start).start(), tokens.get(end - 1).end(),
						utterance.speaker(), timePhrase, (time != null) ? time.when() : null));
				i = end - 1;
				if (next == null) {
					break;
				}
				start = next[0];
				verbEnd = next[1];
				kind = PromiseKind.values()[next[2]];
				first = false;
			}
		}
	}

	/**
	 * A second promise of the same subject joined by "and" within a few words after {@code from} ("... and call
	 * you back"): {start of its verb, end of its verb phrase, kind ordinal}, or null.
	 */
	private static int @Nullable [] continuation(List<String> t, int from) {
		for (int j = from; j < t.size() && j < from + CONTINUATION; j++) {
			if (SUBJECTS.contains(t.get(j))) {
				return null; // a new clause
			}
			if ("and".equals(t.get(j))) {
				int k = j + 1;
				while (k < t.size() && k <= j + 3 && FILLERS.contains(t.get(k)) && verb(t, k) == null) {
					k++;
				}
				int[] verb = verb(t, k);
				if (verb != null) {
					return new int[] { k, verb[0], verb[1] };
				}
			}
		}
		return null;
	}

	/**
	 * A promise whose subject is at {@code i}: the index after its verb phrase and its kind's ordinal; empty if the
	 * words there are not a promise.
	 */
	private static Optional<int[]> promise(List<String> t, int i) {
		int k = i + 1;
		while (k < t.size() && k <= i + 2 && BEFORE_MODAL.contains(t.get(k))) {
			k++;
		}
		if (TimeExpressions.is(t, k, "will") || TimeExpressions.is(t, k, "shall")) {
			k++;
		}
		else if (TimeExpressions.is(t, k, "am", "going", "to") || TimeExpressions.is(t, k, "are", "going", "to") || TimeExpressions.is(t, k, "is", "going", "to")) {
			k += 3;
		}
		else if (TimeExpressions.is(t, k, "promise", "to")) {
			k += 2;
		}
		else {
			return Optional.empty();
		}
		if (TimeExpressions.is(t, k, "not") || TimeExpressions.is(t, k, "never") || (k < t.size() && PRONOUNS.contains(t.get(k)))) {
			return Optional.empty();
		}
		for (int skipped = 0; k < t.size() && skipped < 4 && FILLERS.contains(t.get(k)) && verb(t, k) == null;
				skipped++) {
			k++;
		}
		int[] verb = verb(t, k);
		if (verb == null) {
			// "I will check with the courier and call you back": the promise is the verb after "and".
			int[] next = continuation(t, k);
			verb = (next != null) ? new int[] { next[1], next[2] } : null;
		}
		return Optional.ofNullable(verb);
	}

	/** The verb phrase at {@code k}: {end, kind ordinal}, or null. */
	private static int @Nullable [] verb(List<String> t, int k) {
		if (k >= t.size()) {
			return null;
		}
		String w = t.get(k);
		// "be calling you", "get back to you": the -ing forms and "get back" say the same.
		String v = switch (w) {
			case "calling" -> "call";
			case "ringing" -> "ring";
			case "phoning" -> "phone";
			case "emailing" -> "email";
			case "sending" -> "send";
			case "giving" -> "give";
			case "getting" -> "get";
			default -> w;
		};
		int callback = PromiseKind.CALLBACK.ordinal();
		int email = PromiseKind.EMAIL.ordinal();
		int other = PromiseKind.OTHER.ordinal();
		switch (v) {
			case "call", "ring", "phone" -> {
				if (TimeExpressions.is(t, k + 1, "you", "back") || TimeExpressions.is(t, k + 1, "you", "again")) {
					return new int[] { k + 3, callback };
				}
				if (TimeExpressions.is(t, k + 1, "you") || TimeExpressions.is(t, k + 1, "back")) {
					return new int[] { k + 2, callback };
				}
				return null;
			}
			case "give" -> {
				if (TimeExpressions.is(t, k + 1, "you", "a", "call") || TimeExpressions.is(t, k + 1, "you", "a", "ring")) {
					return new int[] { k + 4 + (TimeExpressions.is(t, k + 4, "back") ? 1 : 0), callback };
				}
				return null;
			}
			case "get" -> {
				if (TimeExpressions.is(t, k + 1, "back", "to", "you")) {
					return new int[] { k + 4, callback };
				}
				if (TimeExpressions.is(t, k + 1, "in", "touch")) {
					return new int[] { k + 3, callback };
				}
				return null;
			}
			case "in" -> {
				return TimeExpressions.is(t, k + 1, "touch") && TimeExpressions.is(t, k - 1, "be") ? new int[] { k + 2, callback } : null;
			}
			case "contact" -> {
				return TimeExpressions.is(t, k + 1, "you") ? new int[] { k + 2, callback } : null;
			}
			case "email", "mail" -> {
				if (TimeExpressions.is(t, k + 1, "you") || TimeExpressions.is(t, k + 1, "it") || TimeExpressions.is(t, k + 1, "that") || TimeExpressions.is(t, k + 1, "them")
						|| TimeExpressions.is(t, k + 1, "the") || TimeExpressions.is(t, k + 1, "over")) {
					int end = k + 2;
					return new int[] { end, "email".equals(v) || TimeExpressions.is(t, k + 2, "the") ? email : other };
				}
				// "email" after "will" is the verb whatever the model heard after it ("i will email uniform" for
				// "you the form", RuleAccuracyBenchmark); "mail" alone may be a letter.
				return "email".equals(v) ? new int[] { k + 1, email } : null;
			}
			case "send", "drop", "shoot" -> {
				// "send you an email", "send the details over by email": an e-mail if it says so, else something sent.
				for (int j = k + 1; j < t.size() && j <= k + 6; j++) {
					if ("email".equals(t.get(j))) {
						return new int[] { j + 1, email };
					}
				}
				if ("send".equals(v) && (TimeExpressions.is(t, k + 1, "you") || TimeExpressions.is(t, k + 1, "out") || TimeExpressions.is(t, k + 1, "the")
						|| TimeExpressions.is(t, k + 1, "a") || TimeExpressions.is(t, k + 1, "it") || TimeExpressions.is(t, k + 1, "over"))) {
					return new int[] { k + 2, other };
				}
				return null;
			}
			case "arrange", "process", "refund", "credit", "fix", "escalate", "investigate", "book", "schedule",
					"issue", "post", "replace" -> {
				return new int[] { k + 1, other };
			}
			case "sort", "look", "follow" -> {
				return (TimeExpressions.is(t, k + 1, "out") || TimeExpressions.is(t, k + 1, "into") || TimeExpressions.is(t, k + 1, "up")) ? new int[] { k + 2, other }
						: null;
			}
			case "let", "update", "keep" -> {
				if (TimeExpressions.is(t, k + 1, "you", "know")) {
					return new int[] { k + 3, other };
				}
				return ("update".equals(v) && TimeExpressions.is(t, k + 1, "you")) || TimeExpressions.is(t, k + 1, "you", "updated")
						? new int[] { k + 2 + ("keep".equals(v) ? 1 : 0), other } : null;
			}
			default -> {
				return null;
			}
		}
	}

	private static List<Spoken> withoutRepeats(List<Spoken> found) {
		List<Spoken> kept = new ArrayList<>();
		for (Spoken promise : found) {
			int same = -1;
			for (int k = kept.size() - 1; k >= 0; k--) {
				Spoken earlier = kept.get(k);
				if (earlier.kind() == promise.kind() && earlier.speaker().equals(promise.speaker())
						&& promise.startSec() - earlier.startSec() <= SAME_PROMISE_SEC) {
					same = k;
					break;
				}
			}
			if (same < 0) {
				kept.add(promise);
			}
			else if (kept.get(same).timePhrase() == null && promise.timePhrase() != null) {
				kept.set(same, promise); // the repeat says when: that is the promise
			}
		}
		return kept;
	}

	/** The utterance's words; a transcript stored without word times gets them spread evenly over the utterance. */
	private static List<Word> words(Utterance utterance) {
		if (!utterance.words().isEmpty()) {
			return utterance.words();
		}
		String[] said = utterance.text().trim().split("\\s+");
		List<Word> words = new ArrayList<>();
		double step = (utterance.end() - utterance.start()) / Math.max(1, said.length);
		for (int i = 0; i < said.length; i++) {
			if (!said[i].isEmpty()) {
				words.add(new Word(said[i], utterance.start() + i * step, utterance.start() + (i + 1) * step, 1));
			}
		}
		return words;
	}

	private static List<Token> tokens(List<Word> words) {
		List<Token> tokens = new ArrayList<>();
		for (int i = 0; i < words.size(); i++) {
			Word word = words.get(i);
			String text = word.word()
				.toLowerCase(Locale.ROOT)
				.replace('\u2019', '\'')
				.replaceAll("[^a-z0-9'.-]", "")
				.replaceAll("^[.'-]+|[.'-]+$", "");
			if (text.isEmpty()) {
				continue;
			}
			// The model writes "today" as "to day" at times; "from day to day" is no time.
			if ("day".equals(text) && !tokens.isEmpty() && "to".equals(tokens.get(tokens.size() - 1).text())
					&& (tokens.size() < 2 || !"day".equals(tokens.get(tokens.size() - 2).text()))) {
				Token to = tokens.remove(tokens.size() - 1);
				tokens.add(new Token("today", to.word(), i, to.start(), word.end()));
				continue;
			}
			if ("mail".equals(text) && !tokens.isEmpty() && "e".equals(tokens.get(tokens.size() - 1).text())) {
				Token e = tokens.remove(tokens.size() - 1);
				tokens.add(new Token("email", e.word(), i, e.start(), word.end()));
				continue;
			}
			for (String part : EXPAND.getOrDefault(text, List.of(text))) {
				tokens.add(new Token(part, i, i, word.start(), word.end()));
			}
		}
		return tokens;
	}

	/** The words as said from token {@code from} to token {@code to} (exclusive). */
	private static String said(List<Word> words, List<Token> tokens, int from, int to) {
		int first = tokens.get(from).word();
		int last = tokens.get(to - 1).lastWord();
		StringBuilder said = new StringBuilder();
		for (int w = first; w <= last; w++) {
			if (!said.isEmpty()) {
				said.append(' ');
			}
			said.append(words.get(w).word());
		}
		return said.toString();
	}

}
