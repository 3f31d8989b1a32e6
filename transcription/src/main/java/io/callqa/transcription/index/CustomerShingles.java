package io.callqa.transcription.index;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The two- and three-word phrases of what a customer said, common words aside: a phrase may hold a common word in
 * the middle ("cancel my subscription") but must not start or end with one ("i want to", "the bill"), nor cross from
 * one utterance into the next. At most {@link #MAX_PER_CALL} distinct phrases per call, the first said, so one long
 * call cannot weigh more than a short one and the doc values stay small.
 */
final class CustomerShingles {

	static final int MAX_PER_CALL = 200;

	/**
	 * Lucene's English stop words and what callers say in every call (greetings, fillers, pronouns, politeness): a
	 * phrase made of these says nothing about why they called.
	 */
	static final Set<String> COMMON = Set.copyOf(Arrays.asList(("a an and are as at be but by for if in into is it no not of on or such "
			+ "that the their then there these they this to was will with i i'm im me my mine you your yours we our us "
			+ "he she him her his it's its them what which who whom when where why how do does did done have has had "
			+ "can could would should shall may might must am been being yes yeah yep no nope ok okay oh um uh uhm hmm "
			+ "hello hi hey bye goodbye thanks thank please sorry well so just like really very right sure alright "
			+ "know see got go going gonna let let's one two all any some from up down out about "
			+ "just also too here now then than that's there's don't can't won't didn't i've i'll you're we're "
			+ "would've good great fine much many more most other another again still").split(" ")));

	private CustomerShingles() {
	}

	static Set<String> of(List<String> utterances) {
		Set<String> phrases = new LinkedHashSet<>();
		for (String utterance : utterances) {
			String[] words = utterance.toLowerCase(Locale.ROOT).split("[^a-z0-9']+");
			for (int i = 0; i < words.length && phrases.size() < MAX_PER_CALL; i++) {
				for (int n = 2; n <= 3 && i + n <= words.length && phrases.size() < MAX_PER_CALL; n++) {
					if (isPhrase(words, i, n)) {
						phrases.add(String.join(" ", List.of(words).subList(i, i + n)));
					}
				}
			}
		}
		return phrases;
	}

	private static boolean isPhrase(String[] words, int start, int length) {
		for (int i = start; i < start + length; i++) {
			if (words[i].isEmpty()) {
				return false;
			}
		}
		return !COMMON.contains(words[start]) && !COMMON.contains(words[start + length - 1]);
	}

}
