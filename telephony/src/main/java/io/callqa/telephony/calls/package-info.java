/**
 * Calls: followed live from Asterisk's AMI events ({@code CallTracker}, announced with
 * {@link io.callqa.telephony.CallEnded}) or registered by upload (see {@code recordings}), looked up and listed
 * through {@link io.callqa.telephony.Calls}.
 */
@NullMarked
package io.callqa.telephony.calls;

import org.jspecify.annotations.NullMarked;
