/**
 * Telephony: where calls and their recordings come from. Depends on nothing but the database.
 *
 * <p>This package is the module's API, the only types other modules use: {@link io.callqa.telephony.Calls},
 * {@link io.callqa.telephony.CallbackRequests}, {@link io.callqa.telephony.SupervisorAlerts},
 * {@link io.callqa.telephony.CallCenterMetrics}, {@link io.callqa.telephony.AsteriskConnector}, the live floor ({@link io.callqa.telephony.LiveFloor},
 * {@link io.callqa.telephony.FloorActions}, {@link io.callqa.telephony.AgentStateMetrics}), customers' data ({@link io.callqa.telephony.AudioRedaction},
 * {@link io.callqa.telephony.CallData}), their records and
 * exceptions, and the events {@link io.callqa.telephony.CallEnded}, {@link io.callqa.telephony.CallRecorded},
 * {@link io.callqa.telephony.CallFinished}, {@link io.callqa.telephony.SurveyAnswered} and
 * {@link io.callqa.telephony.CallbackRequested}. The sub-packages are internal.
 */
@NullMarked
package io.callqa.telephony;

import org.jspecify.annotations.NullMarked;
