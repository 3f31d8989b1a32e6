package io.callqa.transcription.index;

import java.io.IOException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.callqa.telephony.Calls;
import io.callqa.transcription.AutomaticScores;
import io.callqa.transcription.CallScores;
import io.callqa.transcription.TranscriptionProperties;
import io.callqa.transcription.Transcriptions;

/**
 * Opens the index and starts following the outbox, in the one process that keeps the index; rebuilds the index in
 * the background when it is of an older version.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "callqa.transcription.index.enabled", matchIfMissing = true)
class IndexConfiguration {

	@Bean
	IndexDirectories indexDirectories(TranscriptionProperties properties) {
		return new IndexDirectories(properties.index().dir(), TranscriptIndex.VERSION);
	}

	@Bean(destroyMethod = "close")
	TranscriptIndex transcriptIndex(IndexDirectories directories) throws IOException {
		return directories.openForSearch();
	}

	@Bean
	OutboxFollower outboxFollower(TranscriptIndex index, IndexOutbox outbox, Calls calls,
			Transcriptions transcripts, ObjectProvider<CallScores> scores, ObjectProvider<AutomaticScores> automaticScores,
			TranscriptionProperties properties,
			CategoryStore categories) {
		return new OutboxFollower(index, outbox, calls, transcripts, scores, automaticScores, properties.index(),
				new CategoryTagger(categories::all));
	}

	/** The rebuild feeds its index the way the follower does the live one: same documents, same outbox. */
	@Bean
	IndexRebuild indexRebuild(TranscriptIndex index, IndexDirectories directories, IndexOutbox outbox, Calls calls,
			Transcriptions transcripts, ObjectProvider<CallScores> scores, ObjectProvider<AutomaticScores> automaticScores,
			TranscriptionProperties properties,
			CategoryStore categories) {
		// The rebuilt index gets what the live one gets: scores and category tags included.
		return new IndexRebuild(index, directories, outbox,
				(rebuilt) -> new OutboxFollower(rebuilt, outbox, calls, transcripts, scores, automaticScores,
						properties.index(),
						new CategoryTagger(categories::all)),
				properties.index().rebuildBatch());
	}

}
