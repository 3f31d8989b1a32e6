package io.callqa.telephony;

/**
 * A callback request now names the call it was asked for in (an abandoned call, or the call during which the caller
 * accepted the IVR offer). Published inside the transaction that writes the request.
 */
public record CallbackRequested(long callId) {
}
