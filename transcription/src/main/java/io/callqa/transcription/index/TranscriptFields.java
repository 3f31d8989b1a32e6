package io.callqa.transcription.index;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The fields of a call's document, and why each has the type it has.
 *
 * <p>Users type these names in the query box: {@code text} (the default: everything said, whoever said it),
 * {@code said_by_<speaker>} for what one speaker said ({@code said_by_agent:refund}, {@code said_by_customer:"next
 * week"}, {@code said_by_mixed:...} for mono recordings), and the exact-match metadata fields {@code agent},
 * {@code queue}, {@code direction}, {@code outcome}, {@code caller}, {@code call_id}, {@code has_recording},
 * {@code evaluated}, {@code callback_requested} ({@code true}/{@code false}) and {@code category}. Every ended call
 * has a document; one without a transcript (not recorded, abandoned, not transcribed yet) has no text fields. The per-speaker fields are
 * prefixed with {@code said_by_} rather than named after the speaker because {@code agent:} already means the agent's
 * name: {@code agent:refund} would silently search agent names.
 *
 * <p>Spoken words are indexed in three {@link WordForm forms}, each in its own field with the same positions and
 * offsets: stems in {@code text} and {@code said_by_<speaker>}, the words as said in {@code exact} and
 * {@code said_by_<speaker>_exact}, and how they sound in {@code sounds} and {@code said_by_<speaker>_sounds}. A
 * transcript recognised with alternatives also has their stems stacked on the stems of the words they were heard
 * instead of, in {@code alts} and {@code said_by_<speaker>_alts}.
 */
final class TranscriptFields {

	/**
	 * KeywordField, stored: one exact term, so {@code updateDocument(new Term(CALL_ID, id), doc)} replaces a call and
	 * deletes find it; stored because every hit reports it.
	 */
	static final String CALL_ID = "call_id";

	/**
	 * KeywordField, stored, exact and case-sensitive: an indexed term for the filter, sorted-set doc values for later
	 * sorting or faceting, and the stored value the result list shows. The same holds for queue, direction, outcome
	 * and caller.
	 */
	static final String AGENT = "agent";

	static final String QUEUE = "queue";

	static final String DIRECTION = "direction";

	static final String OUTCOME = "outcome";

	/** A KeywordField rather than text: a phone number must not be split into digits groups by the analyzer. */
	static final String CALLER = "caller";

	/**
	 * LongField, stored, epoch milliseconds: points make the from/to filter a fast range query and doc values let
	 * browsing sort calls newest first.
	 */
	static final String STARTED_AT = "started_at";

	/** DoubleField, stored, seconds: points for the duration range filter, stored for the result list. */
	static final String DURATION = "duration";

	/**
	 * KeywordField {@code true}/{@code false}, stored, on every document: the filter is one exact term. The same holds
	 * for {@link #EVALUATED} and {@link #CALLBACK_REQUESTED}.
	 */
	static final String HAS_RECORDING = "has_recording";

	/** Whether the call has a current QA evaluation (submitted, not being corrected). */
	static final String EVALUATED = "evaluated";

	static final String CALLBACK_REQUESTED = "callback_requested";

	/** DoubleField, stored, 0-100: the current QA score, only on evaluated calls, so a score range skips the others. */
	static final String QA_SCORE = "qa_score";

	/**
	 * KeywordField {@code true}/{@code false} on every document: whether the call has an automatic score (checked
	 * against the rules of its standard, at least one rule applied).
	 */
	static final String AUTO_EVALUATED = "auto_evaluated";

	/**
	 * DoubleField, stored, 0-100: the effective automatic score (reviews applied), only on calls that have one, like
	 * {@link #QA_SCORE}.
	 */
	static final String AUTO_SCORE = "auto_score";

	/** KeywordField {@code true}/{@code false}, stored, only on calls with an automatic score. */
	static final String AUTO_CRITICAL_FAILED = "auto_critical_failed";

	/**
	 * KeywordField on every document, one of {@link AutoScoreBands#LABELS}: the automatic score's band ({@code <50},
	 * {@code 50-69}, {@code 70-84}, {@code 85-100}, {@code none}), whose sorted-set doc values feed the band facet.
	 */
	static final String AUTO_SCORE_BAND = "auto_score_band";

	/** IntField, stored, 0-10: the caller's latest survey score, only on surveyed calls. */
	static final String SURVEY_SCORE = "survey_score";

	/**
	 * KeywordField, stored, one value per category the call was tagged with: the filter is an exact term and the
	 * sorted-set doc values feed the category facet. Filled by category tagging.
	 */
	static final String CATEGORY = "category";

	/**
	 * Everything said in the call, in time order, as stems: a TextField indexed with positions (phrases, proximity)
	 * and offsets in the postings (so the UnifiedHighlighter finds matches without re-analysing), and stored because
	 * snippets are cut from it.
	 */
	static final String TEXT = "text";

	/**
	 * The stems of {@link #TEXT} as pairs of neighbouring words ("cancel my order" gives "cancel my" and "my order"):
	 * a TextField with positions but neither offsets nor storage, searched instead of {@link #TEXT} by an
	 * exact phrase (see {@link WordPairs}) so that counting a common phrase reads one term's postings rather than
	 * checking the positions of its words in every call that says them all. Only {@link #TEXT} has pairs: phrases on
	 * a speaker's words or in another form are rarer and searched as before; highlighting never reads this field.
	 */
	static final String TEXT_PAIRS = "text_pairs";

	/**
	 * The stems of {@link #TEXT} as triples of neighbouring words ("cancel my order" gives one): a TextField with
	 * frequencies and norms but no positions, offsets or storage, searched instead of {@link #TEXT} by an exact phrase
	 * of three words, so that it reads one term's calls, and its total is that term's number of calls; longer phrases
	 * require their triples. Like {@link #TEXT_PAIRS}, only for {@link #TEXT}.
	 */
	static final String TEXT_TRIPLES = "text_triples";

	/**
	 * The stems of {@link #TEXT} as ordered pairs of words said within {@link WordPairs#NEAR_WINDOW} words of each
	 * other ("cancel my order" gives "cancel order", "cancel my" and "my order"), not both from
	 * {@link WordPairs#NEAR_SKIPPED}: indexed with calls and a frequency that holds how near and how often
	 * ({@link NearPairsFilter}), no positions or norms. A proximity search of two words is answered from them alone
	 * ({@link NearQuery}), one of more words checks positions only in the calls where each two of its words are near
	 * enough. Not named as version 6's near pairs (unordered, calls only), whose index is kept current while it is
	 * rebuilt: a field cannot change how it is indexed within an index.
	 */
	static final String TEXT_NEAR = "text_nearby";

	/**
	 * What one speaker said, as stems (and in the other forms with a suffix): one TextField value per utterance, with positions but neither offsets nor storage,
	 * because matches are highlighted in {@link #TEXT}; a position gap between utterances keeps a phrase from
	 * spanning two of them.
	 */
	static final String SPEAKER_PREFIX = "said_by_";

	/**
	 * The words of {@link #TEXT} as said (lower-cased, not stemmed): not stored, with positions and offsets, so that a
	 * match is highlighted in {@link #TEXT}, whose tokens have the same offsets.
	 */
	static final String EXACT = "exact";

	/** The words of {@link #TEXT} as Double Metaphone codes; indexed like {@link #EXACT}. */
	static final String SOUNDS = "sounds";

	/**
	 * The stems of {@link #TEXT} with, at each word's position, the stems of its {@link
	 * io.callqa.transcription.Word#alternatives() alternatives} (see {@link AlternativesField}); indexed like
	 * {@link #EXACT}, and only in a document whose transcript has alternatives (a transcript without any would only
	 * repeat {@link #TEXT}).
	 */
	static final String ALTERNATIVES = "alts";

	/** Appended to a speaker's field for its words as said: {@code said_by_agent_exact}. */
	static final String EXACT_SUFFIX = "_exact";

	/** Appended to a speaker's field for how its words sound: {@code said_by_agent_sounds}. */
	static final String SOUNDS_SUFFIX = "_sounds";

	/** Appended to a speaker's field for its words with their alternatives: {@code said_by_agent_alts}. */
	static final String ALTERNATIVES_SUFFIX = "_alts";

	/**
	 * StoredField, binary: where each word of {@link #TEXT} starts and when it was said (see {@link WordTimes}), so a
	 * highlighted offset maps to a second of the recording. Not indexed: it is only read for the hits shown.
	 */
	static final String WORDS = "words";

	private TranscriptFields() {
	}

	/**
	 * The field for what {@code speaker} said: lower-cased, every character other than a-z, 0-9 and _ turned into _,
	 * so any speaker name gives a field name the query parser accepts ("Agent 2" gives {@code said_by_agent_2}).
	 */
	static String speaker(String speaker) {
		String name = speaker.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
		if (name.endsWith(EXACT_SUFFIX) || name.endsWith(SOUNDS_SUFFIX) || name.endsWith(ALTERNATIVES_SUFFIX)) {
			// a speaker named "agent exact" must not get the field of the agent's exact words
			name += "_";
		}
		return SPEAKER_PREFIX + (name.isEmpty() ? "unknown" : name);
	}

	/** The form of the words a field holds; null for a metadata field. */
	static @Nullable WordForm formOf(String field) {
		if (field.equals(TEXT)) {
			return WordForm.STEM;
		}
		if (field.equals(EXACT)) {
			return WordForm.EXACT;
		}
		if (field.equals(SOUNDS)) {
			return WordForm.SOUNDS;
		}
		if (field.equals(ALTERNATIVES)) {
			return WordForm.ALTERNATIVE;
		}
		if (!isSpeaker(field)) {
			return null;
		}
		if (field.endsWith(EXACT_SUFFIX)) {
			return WordForm.EXACT;
		}
		if (field.endsWith(ALTERNATIVES_SUFFIX)) {
			return WordForm.ALTERNATIVE;
		}
		return field.endsWith(SOUNDS_SUFFIX) ? WordForm.SOUNDS : WordForm.STEM;
	}

	/** The field with the same words as the stemmed field {@code stemmed} ({@link #TEXT} or a speaker's), in a form. */
	static String inForm(String stemmed, WordForm form) {
		if (stemmed.equals(TEXT)) {
			return switch (form) {
				case STEM -> TEXT;
				case EXACT -> EXACT;
				case ALTERNATIVE -> ALTERNATIVES;
				case SOUNDS -> SOUNDS;
			};
		}
		return switch (form) {
			case STEM -> stemmed;
			case EXACT -> stemmed + EXACT_SUFFIX;
			case ALTERNATIVE -> stemmed + ALTERNATIVES_SUFFIX;
			case SOUNDS -> stemmed + SOUNDS_SUFFIX;
		};
	}

	/** The stemmed field with the same words as a spoken field: {@code said_by_agent} for {@code said_by_agent_exact}. */
	static String stemmed(String spoken) {
		if (spoken.equals(EXACT) || spoken.equals(SOUNDS) || spoken.equals(ALTERNATIVES)) {
			return TEXT;
		}
		WordForm form = formOf(spoken);
		if (form == WordForm.EXACT) {
			return spoken.substring(0, spoken.length() - EXACT_SUFFIX.length());
		}
		if (form == WordForm.SOUNDS) {
			return spoken.substring(0, spoken.length() - SOUNDS_SUFFIX.length());
		}
		if (form == WordForm.ALTERNATIVE) {
			return spoken.substring(0, spoken.length() - ALTERNATIVES_SUFFIX.length());
		}
		return spoken;
	}

	static boolean isSpeaker(String field) {
		return field.startsWith(SPEAKER_PREFIX);
	}

}
