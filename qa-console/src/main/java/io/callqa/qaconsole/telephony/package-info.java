/**
 * The telephony side of the API: connector status, callbacks, survey alerts and manager metrics.
 */
@NullMarked
package io.callqa.qaconsole.telephony;

import org.jspecify.annotations.NullMarked;
