package io.callqa.transcription.index;

import java.io.IOException;

import org.apache.lucene.document.Document;

/**
 * What tagging adds to a call's document before it is indexed: its categories and its customer's phrases.
 */
interface CallTags {

	/** Adds nothing (an index without categories, tests). */
	CallTags NONE = (document) -> {
	};

	void addTo(Document document) throws IOException;

}
