package io.callqa.qaconsole.promises;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A promise an agent made on a call, and where it stands.
 *
 * @param phrase the words of the commitment as said (with its time expression when it followed)
 * @param startSec where in the recording it was said (seconds from the start)
 * @param timePhrase the time said with it ("within the hour"); null when none was (then {@code callqa.promises.default-due})
 * @param madeAt the call's end, which the due time counts from
 * @param keptByCallId the call that kept it (or kept it late)
 */
public record Promise(long id, long callId, @Nullable String agent, @Nullable String queue,
		@Nullable String customerNumber, PromiseKind kind, String phrase, double startSec, double endSec,
		String speaker, @Nullable String timePhrase, String zone, Instant madeAt, Instant dueAt, PromiseState state,
		@Nullable Long keptByCallId, @Nullable Instant keptAt, @Nullable Instant brokenAt,
		@Nullable Long callbackRequestId) {
}
