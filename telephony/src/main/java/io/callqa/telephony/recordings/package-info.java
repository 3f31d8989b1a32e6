/**
 * Recordings made by Asterisk (MixMonitor): attached to their call when it ends and the file is complete, found by a
 * periodic sweep when their events were missed, and optionally started by the connector with a MixMonitor action.
 */
@NullMarked
package io.callqa.telephony.recordings;

import org.jspecify.annotations.NullMarked;
