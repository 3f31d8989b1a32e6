/**
 * Calls and their recordings: calls followed live from Asterisk's AMI events ({@code CallTracker}, announced with
 * {@link io.callqa.telephony.CallEnded}) or registered by upload, their audio, and
 * {@link io.callqa.telephony.CallRecorded}.
 */
@NullMarked
package io.callqa.telephony.calls;

import org.jspecify.annotations.NullMarked;
