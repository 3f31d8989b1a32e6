package io.callqa.simulator;

/**
 * A caller the simulator put into a queue with {@link AmiSimulator#callerJoins}: pass it back to make them abandon,
 * leave, be answered by a member or hang up.
 *
 * @param channel the caller's channel, e.g. {@code PJSIP/trunk-00000003}
 * @param uniqueid the caller channel's Uniqueid, also the Linkedid of the agent's leg once answered
 */
public record QueueCaller(String queue, String channel, String uniqueid, String callerNumber, String callerName) {
}
