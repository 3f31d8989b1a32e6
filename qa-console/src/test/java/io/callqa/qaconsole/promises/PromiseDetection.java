package io.callqa.qaconsole.promises;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.callqa.transcription.Transcript;

/**
 * The promise detector and its due times as the service computes them, without the database: for benchmarks in
 * other packages (the detector stays package-private).
 */
public final class PromiseDetection {

	private PromiseDetection() {
	}

	/** A promise found, due at {@code dueAt} (from the call's end in its zone). */
	public record Found(PromiseKind kind, String phrase, double startSec, double endSec, String speaker,
			@Nullable String timePhrase, Instant dueAt) {
	}

	/** The promises of a transcript with the service's default closing (17:00) and default due time (24 h). */
	public static List<Found> find(Transcript transcript, ZonedDateTime callEnd) {
		return find(transcript, callEnd, LocalTime.of(17, 0), Duration.ofHours(24));
	}

	public static List<Found> find(Transcript transcript, ZonedDateTime callEnd, LocalTime closing,
			Duration defaultDue) {
		return PromiseDetector.find(transcript)
			.stream()
			.map((s) -> new Found(s.kind(), s.phrase(), s.startSec(), s.endSec(), s.speaker(), s.timePhrase(),
					(s.when() != null) ? s.when().due(callEnd, closing) : callEnd.toInstant().plus(defaultDue)))
			.toList();
	}

}
