/**
 * Tests of the AMI connector against the simulator, with the real Asterisk-Java client.
 */
@NullMarked
package io.callqa.telephony.ami;

import org.jspecify.annotations.NullMarked;
