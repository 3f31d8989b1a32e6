package io.callqa.transcription.index;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.jspecify.annotations.Nullable;

import static io.callqa.transcription.index.TranscriptFields.AGENT;
import static io.callqa.transcription.index.TranscriptFields.CALLBACK_REQUESTED;
import static io.callqa.transcription.index.TranscriptFields.CALLER;
import static io.callqa.transcription.index.TranscriptFields.CALL_ID;
import static io.callqa.transcription.index.TranscriptFields.DIRECTION;
import static io.callqa.transcription.index.TranscriptFields.DURATION;
import static io.callqa.transcription.index.TranscriptFields.EVALUATED;
import static io.callqa.transcription.index.TranscriptFields.HAS_RECORDING;
import static io.callqa.transcription.index.TranscriptFields.OUTCOME;
import static io.callqa.transcription.index.TranscriptFields.QA_SCORE;
import static io.callqa.transcription.index.TranscriptFields.QUEUE;
import static io.callqa.transcription.index.TranscriptFields.SURVEY_SCORE;
import static io.callqa.transcription.index.TranscriptFields.STARTED_AT;
import static io.callqa.transcription.index.TranscriptFields.TEXT;
import static io.callqa.transcription.index.TranscriptFields.WORDS;

/**
 * Turns an {@link IndexedCall} into its Lucene document; {@link TranscriptFields} says why each field has its type.
 */
final class CallDocuments {

	/** Stored text with offsets in the postings, so the UnifiedHighlighter reads match offsets without analysis. */
	static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

	/**
	 * The combined text in another form: offsets in the postings too, so its matches are highlighted in the stored
	 * {@link TranscriptFields#TEXT}, but not stored again.
	 */
	static final FieldType FORM_WITH_OFFSETS = withOffsets(TextField.TYPE_NOT_STORED);

	/**
	 * Tokenized, indexed with the calls a term occurs in and its frequency there, which the near pairs set themselves
	 * ({@link NearPairsFilter}); no positions or norms.
	 */
	static final FieldType CALLS_AND_FREQUENCIES = callsAndFrequencies(true);

	/** As {@link #CALLS_AND_FREQUENCIES} with norms, so BM25 weighs a term in a short call above one in a long call. */
	static final FieldType CALLS_FREQUENCIES_AND_NORMS = callsAndFrequencies(false);

	private CallDocuments() {
	}

	private static FieldType textWithOffsets() {
		return withOffsets(TextField.TYPE_STORED);
	}

	private static FieldType withOffsets(FieldType base) {
		FieldType type = new FieldType(base);
		type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
		type.freeze();
		return type;
	}

	private static FieldType callsAndFrequencies(boolean omitNorms) {
		FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
		type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
		type.setOmitNorms(omitNorms);
		type.freeze();
		return type;
	}

	/** The term that identifies a call's document, for update and delete. */
	static Term idTerm(long callId) {
		return new Term(CALL_ID, Long.toString(callId));
	}

	static Document of(IndexedCall call) throws IOException {
		Document document = new Document();
		document.add(new KeywordField(CALL_ID, Long.toString(call.callId()), Field.Store.YES));
		addMetadata(document, call);
		if (call.transcript() != null) {
			addTranscript(document, TranscriptText.of(call.transcript()));
		}
		return document;
	}

	private static void addMetadata(Document document, IndexedCall call) {
		addKeyword(document, AGENT, call.agent());
		addKeyword(document, QUEUE, call.queue());
		addKeyword(document, DIRECTION, call.direction());
		addKeyword(document, CALLER, call.callerNumber());
		addKeyword(document, OUTCOME, call.outcome());
		if (call.startedAt() != null) {
			document.add(new LongField(STARTED_AT, call.startedAt().toEpochMilli(), Field.Store.YES));
		}
		document.add(new DoubleField(DURATION, call.durationSec(), Field.Store.YES));
		IndexedCall.Facts facts = call.facts();
		addKeyword(document, HAS_RECORDING, Boolean.toString(facts.hasRecording()));
		addKeyword(document, EVALUATED, Boolean.toString(facts.evaluated()));
		addKeyword(document, CALLBACK_REQUESTED, Boolean.toString(facts.callbackRequested()));
		if (facts.qaScore() != null) {
			document.add(new DoubleField(QA_SCORE, facts.qaScore(), Field.Store.YES));
		}
		if (facts.surveyScore() != null) {
			document.add(new IntField(SURVEY_SCORE, facts.surveyScore(), Field.Store.YES));
		}
		addKeyword(document, TranscriptFields.AUTO_EVALUATED, Boolean.toString(facts.autoEvaluated()));
		addKeyword(document, TranscriptFields.AUTO_SCORE_BAND, AutoScoreBands.of(facts.autoScore()));
		if (facts.autoScore() != null) {
			document.add(new DoubleField(TranscriptFields.AUTO_SCORE, facts.autoScore(), Field.Store.YES));
			addKeyword(document, TranscriptFields.AUTO_CRITICAL_FAILED, Boolean.toString(facts.autoCriticalFailed()));
		}
	}

	private static void addKeyword(Document document, String field, @Nullable String value) {
		if (value != null) {
			document.add(new KeywordField(field, value, Field.Store.YES));
		}
	}

	/**
	 * The combined text and each speaker's utterances, every one in each {@link WordForm} (the analyzer gives each
	 * field its form).
	 */
	private static void addTranscript(Document document, TranscriptText transcript) throws IOException {
		document.add(new Field(TEXT, transcript.text(), TEXT_WITH_OFFSETS));
		// positions only: phrases over pairs need them, highlighting reads TEXT; norms kept so BM25 still weighs a
		// pair in a short call above one in a long call, as it does the words of TEXT (one byte per call)
		document.add(new TextField(TranscriptFields.TEXT_PAIRS, transcript.text(), Field.Store.NO));
		// no positions: a phrase of three words is one of these terms
		document.add(new Field(TranscriptFields.TEXT_TRIPLES, transcript.text(), CALLS_FREQUENCIES_AND_NORMS));
		document.add(new Field(TranscriptFields.TEXT_NEAR, transcript.text(), CALLS_AND_FREQUENCIES));
		document.add(new Field(TranscriptFields.EXACT, transcript.text(), FORM_WITH_OFFSETS));
		document.add(new Field(TranscriptFields.SOUNDS, transcript.text(), FORM_WITH_OFFSETS));
		boolean alternatives = transcript.hasAlternatives();
		if (alternatives) {
			document.add(new AlternativesField(TranscriptFields.ALTERNATIVES, transcript.text(),
					transcript.alternatives(), FORM_WITH_OFFSETS));
		}
		for (Map.Entry<String, List<TranscriptText.Said>> speaker : transcript.bySpeaker().entrySet()) {
			String stemmed = TranscriptFields.speaker(speaker.getKey());
			for (WordForm form : WordForm.values()) {
				String field = TranscriptFields.inForm(stemmed, form);
				for (TranscriptText.Said utterance : speaker.getValue()) {
					if (form != WordForm.ALTERNATIVE) {
						document.add(new TextField(field, utterance.text(), Field.Store.NO));
					}
					else if (alternatives) {
						document.add(new AlternativesField(field, utterance.text(), utterance.alternatives(),
								TextField.TYPE_NOT_STORED));
					}
				}
			}
		}
		document.add(new StoredField(WORDS, transcript.wordTimes()));
	}

}
