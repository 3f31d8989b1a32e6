/**
 * A test-scope Asterisk Manager Interface simulator that replays traffic captured from a real Asterisk 22.
 */
@NullMarked
package io.callqa.telephony.ami;

import org.jspecify.annotations.NullMarked;
