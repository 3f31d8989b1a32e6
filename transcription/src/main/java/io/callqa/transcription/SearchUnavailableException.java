package io.callqa.transcription;

/**
 * This process keeps no transcript index (a worker-only process), so it cannot search.
 */
public class SearchUnavailableException extends RuntimeException {

	public SearchUnavailableException() {
		super("This process keeps no transcript index (callqa.transcription.index.enabled=false)");
	}

}
