/**
 * Tests of the calls feature: uploads, and calls followed live from the AMI simulator.
 */
@NullMarked
package io.callqa.telephony.calls;

import org.jspecify.annotations.NullMarked;
