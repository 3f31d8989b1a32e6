package io.callqa.transcription.index;

import java.io.IOException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.callqa.telephony.Calls;
import io.callqa.transcription.CallScores;
import io.callqa.transcription.TranscriptionProperties;
import io.callqa.transcription.Transcriptions;

/**
 * Opens the index and starts following the outbox, in the one process that keeps the index.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "callqa.transcription.index.enabled", matchIfMissing = true)
class IndexConfiguration {

	@Bean(destroyMethod = "close")
	TranscriptIndex transcriptIndex(TranscriptionProperties properties) throws IOException {
		return TranscriptIndex.open(properties.index().dir());
	}

	@Bean
	OutboxFollower outboxFollower(TranscriptIndex index, IndexOutbox outbox, Calls calls,
			Transcriptions transcripts, ObjectProvider<CallScores> scores, TranscriptionProperties properties,
			CategoryStore categories) {
		return new OutboxFollower(index, outbox, calls, transcripts, scores, properties.index(),
				new CategoryTagger(categories::all));
	}

}
