/**
 * Promises agents make on calls ("I will call you back within the hour", "I'll email you the details"): found in the
 * agent's words of every transcript, given a due time from the call's end in the queue's time zone, and tracked
 * against the later calls to the customer's number (kept, late, broken), with an alert when one is broken.
 */
@NullMarked
package io.callqa.qaconsole.promises;

import org.jspecify.annotations.NullMarked;
