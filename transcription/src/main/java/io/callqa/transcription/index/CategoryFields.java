package io.callqa.transcription.index;

/**
 * The fields category tagging adds to a call's document besides {@code TranscriptFields.CATEGORY} (see
 * {@link CallTags}).
 */
final class CategoryFields {

	/**
	 * Sorted-set doc values only: the distinct two- and three-word phrases the customer said ({@link
	 * CustomerShingles}), counted per period by a StringValueFacetCounts. Not indexed: nobody searches them.
	 */
	static final String CUSTOMER_PHRASE = "customer_phrase";

	/** Whose words are "what customers ask". */
	static final String CUSTOMER = "customer";

	private CategoryFields() {
	}

}
