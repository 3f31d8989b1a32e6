package io.callqa.qaconsole.autoscore;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Reports automatic scoring in {@code /actuator/health} (component {@code automaticScoring}): calls waiting, calls
 * evaluated by this process, and a running re-evaluation's progress; and as gauges
 * {@code callqa.autoscore.reevaluation.percent} (100 when none runs) and {@code callqa.autoscore.queued}.
 */
@Component("automaticScoring")
class AutoscoreHealthIndicator implements HealthIndicator, MeterBinder {

	private final AutomaticScoringPipeline pipeline;

	private final Reevaluations reevaluations;

	AutoscoreHealthIndicator(AutomaticScoringPipeline pipeline, Reevaluations reevaluations) {
		this.pipeline = pipeline;
		this.reevaluations = reevaluations;
	}

	@Override
	public Health health() {
		Health.Builder health = Health.up().withDetail("queued", this.pipeline.queued())
			.withDetail("evaluated", this.pipeline.evaluated());
		Reevaluation running = this.reevaluations.running();
		health.withDetail("reevaluating", running != null);
		if (running != null) {
			health.withDetail("reevaluation", running.id())
				.withDetail("percent", running.percent())
				.withDetail("done", running.done())
				.withDetail("total", (running.total() != null) ? running.total() : -1);
		}
		return health.build();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("callqa.autoscore.reevaluation.percent", () -> {
			Reevaluation running = this.reevaluations.running();
			return (running != null) ? running.percent() : 100;
		}).description("Progress of the running re-evaluation of automatic scores (100 when none runs)").register(registry);
		Gauge.builder("callqa.autoscore.queued", this.pipeline::queued)
			.description("Transcribed calls waiting for their automatic evaluation in this process")
			.register(registry);
	}

}
