/**
 * Retention and legal holds: how long each queue keeps a call's audio, transcript and metadata, a daily job that
 * deletes what is older (through telephony's {@link io.callqa.telephony.CallData} and each feature's deletion of a
 * call's rows), and legal holds on a call or a customer number that stop every deletion, retention's and erasure's.
 */
@NullMarked
package io.callqa.qaconsole.retention;

import org.jspecify.annotations.NullMarked;
