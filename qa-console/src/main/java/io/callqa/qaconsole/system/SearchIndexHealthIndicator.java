package io.callqa.qaconsole.system;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import io.callqa.transcription.IndexStatus;
import io.callqa.transcription.Transcriptions;

/**
 * Reports the search index in {@code /actuator/health}: its version and, after an upgrade that changed it, the
 * background rebuild's progress. Up while rebuilding: searches are answered from the previous index meanwhile.
 */
@Component("searchIndex")
class SearchIndexHealthIndicator implements HealthIndicator {

	private final Transcriptions transcriptions;

	SearchIndexHealthIndicator(Transcriptions transcriptions) {
		this.transcriptions = transcriptions;
	}

	@Override
	public Health health() {
		return this.transcriptions.indexStatus().map(SearchIndexHealthIndicator::health)
			.orElseGet(() -> Health.unknown().withDetail("kept", false).build());
	}

	private static Health health(IndexStatus status) {
		Health.Builder health = Health.up().withDetail("version", status.version())
			.withDetail("rebuilding", status.rebuilding());
		if (status.rebuilding()) {
			health.withDetail("rebuildVersion", status.rebuildVersion())
				.withDetail("percent", status.percent())
				.withDetail("rowsApplied", status.rowsApplied())
				.withDetail("rowsTotal", status.rowsTotal());
		}
		return health.build();
	}

}
