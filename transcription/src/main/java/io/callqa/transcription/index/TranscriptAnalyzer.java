package io.callqa.transcription.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.util.IOUtils;

/**
 * The analyzer for indexing and query parsing: StandardAnalyzer for spoken text (Vosk emits lower-case words without
 * punctuation, so nothing more is needed) and whole values for metadata, so {@code agent:alice} typed in the query
 * box matches the exact keyword.
 */
final class TranscriptAnalyzer extends DelegatingAnalyzerWrapper {

	/** Positions left empty between two utterances of one speaker, more than any sensible proximity slop. */
	static final int UTTERANCE_GAP = 100;

	private final Analyzer words = new StandardAnalyzer();

	private final Analyzer keywords = new KeywordAnalyzer();

	TranscriptAnalyzer() {
		super(PER_FIELD_REUSE_STRATEGY);
	}

	@Override
	protected Analyzer getWrappedAnalyzer(String fieldName) {
		return TranscriptFields.isSpoken(fieldName) ? this.words : this.keywords;
	}

	@Override
	public int getPositionIncrementGap(String fieldName) {
		return TranscriptFields.isSpeaker(fieldName) ? UTTERANCE_GAP : 0;
	}

	@Override
	public void close() {
		super.close();
		IOUtils.closeWhileHandlingException(this.words, this.keywords);
	}

}
