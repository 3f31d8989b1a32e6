package io.callqa.transcription.index;

/**
 * The fields category tagging adds to a call's document (see {@link CallTags}).
 */
final class CategoryFields {

	/**
	 * KeywordField, stored, one value per category the call matched when indexed: an exact term for the search
	 * filter, sorted-set doc values for the category facet and the trends, stored for the hit list. The same name as
	 * the filters' {@code TranscriptFields.CATEGORY}.
	 */
	static final String CATEGORY = "category";

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
