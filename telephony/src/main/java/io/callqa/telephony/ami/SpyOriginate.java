package io.callqa.telephony.ami;

import java.util.concurrent.CompletableFuture;

/**
 * A spy Originate in flight: {@code accepted} once Asterisk queued it ({@code Response: Success}), {@code answered}
 * with its {@code OriginateResponse}, which Asterisk sends only when the supervisor's phone answered (or failed).
 */
public record SpyOriginate(CompletableFuture<Void> accepted, CompletableFuture<OriginateResult> answered) {
}
