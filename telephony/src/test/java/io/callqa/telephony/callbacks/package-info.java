/**
 * Tests for callbacks, with small stand-ins for Asterisk (Originate, queue members) and a clock the tests move.
 */
@NullMarked
package io.callqa.telephony.callbacks;

import org.jspecify.annotations.NullMarked;
