package io.callqa.telephony;

/**
 * A followed call's final row is being written (it ended, or was found gone). Published inside the transaction that
 * writes it, so a synchronous listener's writes commit or roll back with the call; {@link CallEnded} follows after the
 * commit.
 */
public record CallFinished(long callId) {
}
