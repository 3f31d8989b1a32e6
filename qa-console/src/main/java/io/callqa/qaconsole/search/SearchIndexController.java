package io.callqa.qaconsole.search;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.callqa.transcription.IndexStatus;
import io.callqa.transcription.SearchUnavailableException;
import io.callqa.transcription.Transcriptions;

/**
 * Whether the search index is being rebuilt (after an upgrade), for the search page's notice: every logged-in user
 * may ask, the answer holds no call data.
 */
@RestController
class SearchIndexController {

	private final Transcriptions transcriptions;

	SearchIndexController(Transcriptions transcriptions) {
		this.transcriptions = transcriptions;
	}

	@GetMapping("/api/search/index")
	IndexStatus index() {
		return this.transcriptions.indexStatus().orElseThrow(SearchUnavailableException::new);
	}

}
