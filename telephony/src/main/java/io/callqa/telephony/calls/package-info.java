/**
 * Calls and their recordings: calls followed live from Asterisk's AMI events ({@code CallTracker}, announced with
 * {@link io.callqa.telephony.calls.CallEnded}) or registered by upload, their audio, and
 * {@link io.callqa.telephony.calls.CallRecorded}.
 */
@NullMarked
package io.callqa.telephony.calls;

import org.jspecify.annotations.NullMarked;
