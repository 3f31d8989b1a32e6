/**
 * Calls and their recordings: registering a recorded call, storing its audio, and announcing it with
 * {@link io.callqa.telephony.calls.CallRecorded}.
 */
@NullMarked
package io.callqa.telephony.calls;

import org.jspecify.annotations.NullMarked;
