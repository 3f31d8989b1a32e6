package io.callqa.qaconsole.scoring;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.callqa.telephony.CallSummary;

/**
 * A call picked for evaluation, as the sampling list shows it (JSON of {@code /api/sampling}).
 */
record SampledCall(long id, @Nullable String agent, @Nullable String queue, Instant startedAt,
		@Nullable Double durationSec) {

	static SampledCall of(CallSummary call) {
		return new SampledCall(call.id(), call.agent(), call.queue(), call.startedAt(), call.durationSec());
	}

}
