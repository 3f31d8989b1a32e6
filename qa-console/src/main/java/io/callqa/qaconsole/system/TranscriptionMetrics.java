package io.callqa.qaconsole.system;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

import io.callqa.transcription.IndexStatus;
import io.callqa.transcription.Transcriptions;

/**
 * Publishes the transcription backlog and failures as gauges ({@code callqa.transcription.jobs} by state), read from
 * the database when scraped so they count every worker process; and the search index's rebuild progress
 * ({@code callqa.index.rebuild.percent}).
 */
@Component
class TranscriptionMetrics implements MeterBinder {

	private final Transcriptions transcriptions;

	TranscriptionMetrics(Transcriptions transcriptions) {
		this.transcriptions = transcriptions;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		gauge(registry, "queued", () -> this.transcriptions.backlog().queued());
		gauge(registry, "running", () -> this.transcriptions.backlog().running());
		gauge(registry, "failed", () -> this.transcriptions.backlog().failed());
		Gauge.builder("callqa.index.rebuild.percent", () -> this.transcriptions.indexStatus().map(IndexStatus::percent)
			.orElse(100))
			.description("Progress of the search index's rebuild after an upgrade (100 when none is running)")
			.register(registry);
	}

	private void gauge(MeterRegistry registry, String state, java.util.function.Supplier<Number> value) {
		Gauge.builder("callqa.transcription.jobs", value)
			.tag("state", state)
			.description("Transcription jobs by state (DONE jobs are not counted)")
			.register(registry);
	}

}
