package io.callqa.transcription.speech;

import java.util.Arrays;
import java.util.List;

/**
 * Word error rate: word-level edit distance between a reference and a hypothesis, divided by the reference length.
 */
final class WordErrorRate {

	private WordErrorRate() {
	}

	static double of(String reference, String hypothesis) {
		List<String> ref = words(reference);
		List<String> hyp = words(hypothesis);
		int[] previous = new int[hyp.size() + 1];
		Arrays.setAll(previous, (j) -> j);
		for (int i = 1; i <= ref.size(); i++) {
			int[] current = new int[hyp.size() + 1];
			current[0] = i;
			for (int j = 1; j <= hyp.size(); j++) {
				int substitution = previous[j - 1] + (ref.get(i - 1).equals(hyp.get(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			previous = current;
		}
		return (double) previous[hyp.size()] / ref.size();
	}

	private static List<String> words(String text) {
		return Arrays.stream(text.toLowerCase().split("[^a-z']+")).filter((w) -> !w.isEmpty()).toList();
	}

}
