/**
 * Promised callbacks: requests from the IVR offer, abandoned callers and agents ({@link io.callqa.telephony.CallbackRequests}), and the
 * engine that dials them agent first within each queue's calling hours, with retries.
 */
@NullMarked
package io.callqa.telephony.callbacks;

import org.jspecify.annotations.NullMarked;
