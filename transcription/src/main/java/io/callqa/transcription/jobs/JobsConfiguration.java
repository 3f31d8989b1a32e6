package io.callqa.transcription.jobs;

import java.io.IOException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import io.callqa.telephony.Calls;
import io.callqa.transcription.TranscriptionProperties;
import io.callqa.transcription.redaction.Redactions;
import io.callqa.transcription.speech.SpeechModel;
import io.callqa.transcription.speech.Transcriber;
import io.callqa.transcription.speech.VoskTranscriber;

/**
 * Loads the speech model and starts the workers, unless this process runs no workers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "callqa.transcription.workers.enabled", matchIfMissing = true)
class JobsConfiguration {

	@Bean(destroyMethod = "close")
	SpeechModel speechModel(TranscriptionProperties properties) throws IOException {
		TranscriptionProperties.Vosk vosk = properties.vosk();
		return SpeechModel.load(vosk.modelPath(), vosk.cacheDir(), vosk.sampleRate());
	}

	@Bean
	Transcriber transcriber(SpeechModel model, TranscriptionProperties properties) {
		return new VoskTranscriber(model, properties.alternatives());
	}

	@Bean
	JobRecordings jobRecordings(Calls calls) {
		return new JobRecordings(calls);
	}

	@Bean
	TranscriptionWorkers transcriptionWorkers(TranscriptionJobs jobs, TranscriptRepository transcripts,
			JobRecordings recordings, Transcriber transcriber, TransactionTemplate transaction,
			ApplicationEventPublisher events, TranscriptionProperties properties, Redactions redactions) {
		TranscriptionWorker worker = new TranscriptionWorker(jobs, transcripts, recordings, transcriber, transaction,
				events, properties.workers(), redactions);
		return new TranscriptionWorkers(worker, jobs, properties.workers());
	}

	@Bean
	MissingRecordingRecheck missingRecordingRecheck(TranscriptionJobs jobs, JobRecordings recordings,
			TranscriptionWorkers workers, TranscriptionProperties properties) {
		return new MissingRecordingRecheck(jobs, recordings, workers, properties.workers().backoff());
	}

}
