package io.callqa.telephony.ami;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What happened on Asterisk, in our words: the AMI events features follow, each with only the fields our code reads.
 * {@link AmiEvents} makes them from Asterisk-Java's events; nothing outside the connector sees the library's types.
 * Every record carries {@link #at()}: the event's own {@code Timestamp} header when Asterisk sent one, otherwise when
 * the connector read it.
 */
public sealed interface AsteriskEvent {

	Instant at();

	/** {@code Newchannel}. */
	record ChannelCreated(Instant at, @Nullable String linkedid, @Nullable String uniqueid, @Nullable String channel,
			@Nullable String callerNumber, @Nullable String callerName) implements AsteriskEvent {
	}

	/** {@code NewCallerid} and {@code NewConnectedLine}. */
	record CallerIdChanged(Instant at, @Nullable String linkedid, @Nullable String uniqueid,
			@Nullable String channel, @Nullable String callerNumber, @Nullable String callerName)
			implements AsteriskEvent {
	}

	/** {@code VarSet}. */
	record VariableSet(Instant at, @Nullable String linkedid, @Nullable String uniqueid, @Nullable String variable,
			@Nullable String value) implements AsteriskEvent {
	}

	/** {@code QueueCallerJoin}; {@code callerNumber} is the caller's CallerIDNum. */
	record CallerJoinedQueue(Instant at, @Nullable String linkedid, @Nullable String uniqueid,
			@Nullable String channel, @Nullable String queue, @Nullable Integer position,
			@Nullable String callerNumber) implements AsteriskEvent {
	}

	/** {@code AgentCalled}: a member's phone rings for a queue caller. */
	record AgentCalled(Instant at, @Nullable String linkedid, @Nullable String uniqueid, @Nullable String channel)
			implements AsteriskEvent {
	}

	/** {@code AgentRingNoAnswer}. */
	record AgentRangUnanswered(Instant at, @Nullable String linkedid, @Nullable String uniqueid,
			@Nullable String channel, @Nullable String agentUniqueid, @Nullable String iface)
			implements AsteriskEvent {
	}

	/**
	 * {@code AgentConnect}: a member answered a queue caller.
	 * @param agentChannel the member's own channel ({@code DestChannel}, e.g. {@code PJSIP/1001-0000002a})
	 * @param callerNumber the caller's CallerIDNum
	 */
	record AgentConnected(Instant at, @Nullable String linkedid, @Nullable String uniqueid, @Nullable String channel,
			@Nullable String queue, @Nullable String memberName, @Nullable String iface,
			@Nullable String agentUniqueid, @Nullable Long holdTime, @Nullable String agentChannel,
			@Nullable String callerNumber) implements AsteriskEvent {
	}

	/** {@code AgentComplete}: a member's queue call ended; {@code agentChannel} is its {@code DestChannel}. */
	record AgentCompleted(Instant at, @Nullable String linkedid, @Nullable String uniqueid, @Nullable String queue,
			@Nullable String memberName, @Nullable String iface, @Nullable Long talkTime,
			@Nullable String agentChannel) implements AsteriskEvent {
	}

	/** {@code QueueCallerAbandon}. */
	record CallerAbandoned(Instant at, @Nullable String linkedid, @Nullable String uniqueid,
			@Nullable String channel, @Nullable Integer holdTime, @Nullable String queue) implements AsteriskEvent {
	}

	/** {@code QueueCallerLeave}. */
	record CallerLeftQueue(Instant at, @Nullable String linkedid, @Nullable String uniqueid,
			@Nullable String channel, @Nullable String queue) implements AsteriskEvent {
	}

	/** {@code BridgeEnter}. */
	record BridgeEntered(Instant at, @Nullable String linkedid, @Nullable String uniqueid, @Nullable String channel,
			@Nullable Integer parties) implements AsteriskEvent {
	}

	/** {@code BridgeLeave}. */
	record BridgeLeft(Instant at, @Nullable String linkedid, @Nullable String uniqueid) implements AsteriskEvent {
	}

	/** {@code BlindTransfer}; {@code succeeded} unless Asterisk reported another result. */
	record BlindTransferred(Instant at, boolean succeeded, @Nullable String transfereeLinkedid,
			@Nullable String transfererLinkedid, @Nullable String transfereeUniqueid,
			@Nullable String transfererUniqueid, @Nullable String context, @Nullable String extension)
			implements AsteriskEvent {
	}

	/** {@code AttendedTransfer}; {@code succeeded} unless Asterisk reported another result. */
	record AttendedTransferred(Instant at, boolean succeeded, @Nullable String origTransfererLinkedid,
			@Nullable String transfereeLinkedid, @Nullable String transferTargetChannel,
			@Nullable String secondTransfererChannel, @Nullable String transfereeUniqueid,
			@Nullable String origTransfererUniqueid, @Nullable String secondTransfererUniqueid)
			implements AsteriskEvent {
	}

	/** {@code Hangup}. */
	record HungUp(Instant at, @Nullable String linkedid, @Nullable String uniqueid, @Nullable String channel)
			implements AsteriskEvent {
	}

	/**
	 * {@code Hold} ({@code held}) and {@code Unhold}: a channel in a bridge put the other party on hold (its phone
	 * sent a re-INVITE, or the agent pressed hold), or took it off hold. Asterisk-Java does not read their Linkedid:
	 * the leg's Uniqueid finds the call.
	 */
	record HoldChanged(Instant at, @Nullable String uniqueid, @Nullable String channel, boolean held)
			implements AsteriskEvent {
	}

	/** {@code Cdr}: the billing record of one leg. */
	record CdrReported(Instant at, @Nullable String uniqueid, @Nullable Integer duration) implements AsteriskEvent {
	}

	/**
	 * {@code OriginateResponse}; {@code application} is set when it went straight into one (e.g. ChanSpy).
	 * @param actionId the Originate's ActionID
	 * @param response {@code Success} or {@code Failure}
	 * @param channel the originated channel (e.g. the supervisor's {@code PJSIP/2001-00000031})
	 */
	record OriginateResponded(Instant at, @Nullable String uniqueid, @Nullable String exten,
			@Nullable String application, @Nullable String actionId, @Nullable String response,
			@Nullable String channel) implements AsteriskEvent {
	}

	/**
	 * {@code QueueMemberStatus}, and {@code QueueMember} in a QueueStatus reply.
	 * @param pausedReason Asterisk's PausedReason (empty when paused without one, or not paused)
	 * @param lastPause when the member was last paused or unpaused (Asterisk's {@code LastPause}), null if never
	 */
	record QueueMemberReported(Instant at, @Nullable String queue, @Nullable String iface,
			@Nullable String memberName, @Nullable String name, @Nullable Integer status, @Nullable Boolean paused,
			@Nullable Integer inCall, @Nullable String pausedReason, @Nullable Instant lastPause)
			implements AsteriskEvent {
	}

	/** {@code QueueMemberAdded}. */
	record QueueMemberAdded(Instant at, @Nullable String queue, @Nullable String iface, @Nullable String memberName,
			@Nullable Integer status, @Nullable Boolean paused, @Nullable String inCall,
			@Nullable String pausedReason) implements AsteriskEvent {
	}

	/** {@code QueueMemberRemoved}. */
	record QueueMemberRemoved(Instant at, @Nullable String queue, @Nullable String iface,
			@Nullable String memberName) implements AsteriskEvent {
	}

	/** {@code QueueMemberPause} and {@code QueueMemberPaused}; {@code pausedReason} as given to QueuePause. */
	record QueueMemberPaused(Instant at, @Nullable String queue, @Nullable String iface, @Nullable Boolean paused,
			@Nullable String memberName, @Nullable String pausedReason) implements AsteriskEvent {
	}

	/** Any other event, by its AMI name (e.g. {@code DialBegin}): counted and passed on, followed by nobody yet. */
	record Other(Instant at, String name) implements AsteriskEvent {
	}

}
