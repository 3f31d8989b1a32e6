/**
 * Recordings: the store of audio files and the {@code recording} table ({@code CallRecordings}), uploads registered
 * with their call, each stored recording announced with {@link io.callqa.telephony.CallRecorded}. Recordings made by
 * Asterisk (MixMonitor) are attached to their call when it ends and the file is complete, found by a
 * periodic sweep when their events were missed, and optionally started by the connector with a MixMonitor action.
 */
@NullMarked
package io.callqa.telephony.recordings;

import org.jspecify.annotations.NullMarked;
