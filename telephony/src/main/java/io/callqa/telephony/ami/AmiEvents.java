package io.callqa.telephony.ami;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.AttendedTransferEvent;
import org.asteriskjava.manager.event.BlindTransferEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.CdrEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.HoldEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewCallerIdEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewConnectedLineEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueCallerLeaveEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueMemberPausedEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.asteriskjava.manager.event.QueueMemberStatusEvent;
import org.asteriskjava.manager.event.QueueParamsEvent;
import org.asteriskjava.manager.event.UnholdEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.jspecify.annotations.Nullable;

import io.callqa.telephony.ami.AsteriskEvent.AgentCalled;
import io.callqa.telephony.ami.AsteriskEvent.AgentCompleted;
import io.callqa.telephony.ami.AsteriskEvent.AgentConnected;
import io.callqa.telephony.ami.AsteriskEvent.AgentRangUnanswered;
import io.callqa.telephony.ami.AsteriskEvent.AttendedTransferred;
import io.callqa.telephony.ami.AsteriskEvent.BlindTransferred;
import io.callqa.telephony.ami.AsteriskEvent.BridgeEntered;
import io.callqa.telephony.ami.AsteriskEvent.BridgeLeft;
import io.callqa.telephony.ami.AsteriskEvent.CallerAbandoned;
import io.callqa.telephony.ami.AsteriskEvent.CallerIdChanged;
import io.callqa.telephony.ami.AsteriskEvent.CallerJoinedQueue;
import io.callqa.telephony.ami.AsteriskEvent.CallerLeftQueue;
import io.callqa.telephony.ami.AsteriskEvent.CdrReported;
import io.callqa.telephony.ami.AsteriskEvent.ChannelCreated;
import io.callqa.telephony.ami.AsteriskEvent.HoldChanged;
import io.callqa.telephony.ami.AsteriskEvent.HungUp;
import io.callqa.telephony.ami.AsteriskEvent.OriginateResponded;
import io.callqa.telephony.ami.AsteriskEvent.Other;
import io.callqa.telephony.ami.AsteriskEvent.QueueMemberAdded;
import io.callqa.telephony.ami.AsteriskEvent.QueueMemberPaused;
import io.callqa.telephony.ami.AsteriskEvent.QueueMemberRemoved;
import io.callqa.telephony.ami.AsteriskEvent.QueueMemberReported;
import io.callqa.telephony.ami.AsteriskEvent.VariableSet;

/**
 * Turns Asterisk-Java's events into {@link AsteriskEvent}s: the only place that knows the library's event classes.
 * Matched by exact class, so one map lookup per event.
 */
final class AmiEvents {

	private static final Map<Class<?>, BiFunction<ManagerEvent, Instant, AsteriskEvent>> TRANSLATIONS = new HashMap<>();

	static {
		on(NewChannelEvent.class, (e, at) -> new ChannelCreated(at, e.getLinkedid(), e.getUniqueId(), e.getChannel(),
				e.getCallerIdNum(), e.getCallerIdName()));
		on(NewCallerIdEvent.class, (e, at) -> new CallerIdChanged(at, e.getLinkedId(), e.getUniqueId(),
				e.getChannel(), e.getCallerIdNum(), e.getCallerIdName()));
		on(NewConnectedLineEvent.class, (e, at) -> new CallerIdChanged(at, e.getLinkedId(), e.getUniqueId(),
				e.getChannel(), e.getCallerIdNum(), e.getCallerIdName()));
		on(VarSetEvent.class, (e, at) -> new VariableSet(at, e.getLinkedId(), e.getUniqueId(), e.getVariable(),
				e.getValue()));
		on(QueueCallerJoinEvent.class, (e, at) -> new CallerJoinedQueue(at, e.getLinkedId(), e.getUniqueId(),
				e.getChannel(), e.getQueue(), e.getPosition(), e.getCallerIdNum()));
		on(AgentCalledEvent.class, (e, at) -> new AgentCalled(at, e.getLinkedId(), e.getUniqueId(), e.getChannel()));
		on(AgentRingNoAnswerEvent.class, (e, at) -> new AgentRangUnanswered(at, e.getLinkedId(), e.getUniqueId(),
				e.getChannel(), e.getDestUniqueId(), e.getInterface()));
		on(AgentConnectEvent.class, (e, at) -> new AgentConnected(at, e.getLinkedId(), e.getUniqueId(),
				e.getChannel(), e.getQueue(), e.getMemberName(), e.getInterface(), e.getDestUniqueId(),
				e.getHoldTime(), e.getDestChannel(), e.getCallerIdNum()));
		on(AgentCompleteEvent.class, (e, at) -> new AgentCompleted(at, e.getLinkedId(), e.getUniqueId(), e.getQueue(),
				e.getMemberName(), e.getInterface(), e.getTalkTime(), e.getDestChannel()));
		on(QueueCallerAbandonEvent.class, (e, at) -> new CallerAbandoned(at, e.getLinkedId(), e.getUniqueId(),
				e.getChannel(), e.getHoldTime(), e.getQueue()));
		on(QueueCallerLeaveEvent.class, (e, at) -> new CallerLeftQueue(at, e.getLinkedId(), e.getUniqueId(),
				e.getChannel(), e.getQueue()));
		on(BridgeEnterEvent.class, (e, at) -> new BridgeEntered(at, e.getLinkedId(), e.getUniqueId(), e.getChannel(),
				e.getBridgeNumChannels()));
		on(BridgeLeaveEvent.class, (e, at) -> new BridgeLeft(at, e.getLinkedId(), e.getUniqueId()));
		on(BlindTransferEvent.class, (e, at) -> new BlindTransferred(at, succeeded(e.getResult()),
				e.getTransfereeLinkedId(), e.getTransfererLinkedId(), e.getTransfereeUniqueId(),
				e.getTransfererUniqueId(), e.getContext(), e.getExtension()));
		on(AttendedTransferEvent.class, (e, at) -> new AttendedTransferred(at, succeeded(e.getResult()),
				e.getOrigTransfererLinkedId(), e.getTransfereeLinkedId(), e.getTransferTargetChannel(),
				e.getSecondTransfererChannel(), e.getTransfereeUniqueid(), e.getOrigTransfererUniqueid(),
				e.getSecondTransfererUniqueid()));
		on(HangupEvent.class, (e, at) -> new HungUp(at, e.getLinkedId(), e.getUniqueId(), e.getChannel()));
		// Asterisk before 12 sent Hold with "Status: Off" for an unhold; Asterisk 22 sends Unhold.
		on(HoldEvent.class, (e, at) -> new HoldChanged(at, e.getUniqueId(), e.getChannel(), e.isHold()));
		on(UnholdEvent.class, (e, at) -> new HoldChanged(at, e.getUniqueId(), e.getChannel(), false));
		on(CdrEvent.class, (e, at) -> new CdrReported(at, e.getUniqueId(), e.getDuration()));
		on(OriginateResponseEvent.class, (e, at) -> new OriginateResponded(at, e.getUniqueId(), e.getExten(),
				e.getApplication(), e.getActionId(), e.getResponse(), e.getChannel()));
		on(QueueMemberStatusEvent.class, AmiEvents::member);
		on(QueueMemberAddedEvent.class, (e, at) -> new QueueMemberAdded(at, e.getQueue(), e.getInterface(),
				e.getMemberName(), e.getStatus(), e.getPaused(), e.getInCall(), e.getPausedReason()));
		on(QueueMemberRemovedEvent.class, (e, at) -> new QueueMemberRemoved(at, e.getQueue(), e.getInterface(),
				e.getMemberName()));
		on(QueueMemberPausedEvent.class, (e, at) -> paused(e, at, null));
		on(QueueMemberPauseEvent.class, (e, at) -> paused(e, at, e.getPausedreason()));
	}

	private AmiEvents() {
	}

	/**
	 * @param receivedAt when the connector read it; the event's own {@code Timestamp} header wins when present
	 */
	public static AsteriskEvent from(ManagerEvent event, Instant receivedAt) {
		Instant at = timeOf(event, receivedAt);
		BiFunction<ManagerEvent, Instant, AsteriskEvent> translation = TRANSLATIONS.get(event.getClass());
		return (translation != null) ? translation.apply(event, at) : new Other(at, nameOf(event));
	}

	/** A (re)connect's snapshot from the replies to {@code CoreShowChannels} and {@code QueueStatus}. */
	public static ChannelSnapshot snapshot(Instant takenAt, List<CoreShowChannelEvent> channels,
			List<QueueMemberEvent> members, List<QueueEntryEvent> entries) {
		return snapshot(takenAt, channels, members, entries, List.of());
	}

	/** The same, naming every queue the reply had ({@code QueueParams}), members or not. */
	public static ChannelSnapshot snapshot(Instant takenAt, List<CoreShowChannelEvent> channels,
			List<QueueMemberEvent> members, List<QueueEntryEvent> entries, List<QueueParamsEvent> queues) {
		return new ChannelSnapshot(takenAt,
				channels.stream()
					.map((c) -> new ChannelSnapshot.Channel(c.getUniqueid(), c.getLinkedid(), c.getChannel(),
							c.getCallerIdNum(), c.getCallerIdName(), c.getDuration(), c.getApplication(),
							c.getApplicationdata()))
					.toList(),
				members.stream().map((m) -> member(m, takenAt)).toList(),
				entries.stream()
					.map((e) -> new ChannelSnapshot.Entry(e.getUniqueId(), e.getQueue(), e.getPosition(), e.getWait(),
							e.getChannel(), firstNonEmpty(e.getCallerIdNum(), e.getCallerId())))
					.toList(),
				queues.stream().map(QueueParamsEvent::getQueue).filter((name) -> name != null).toList());
	}

	private static QueueMemberReported member(QueueMemberEvent e, Instant at) {
		Long lastPause = e.getLastPause();
		return new QueueMemberReported(at, e.getQueue(), e.getInterface(), e.getMemberName(), e.getName(),
				e.getStatus(), e.getPaused(), e.getIncall(), e.getPausedreason(),
				(lastPause != null && lastPause > 0) ? Instant.ofEpochSecond(lastPause) : null);
	}

	/**
	 * Asterisk 22 names the reason {@code PausedReason} (the library reads it into either of two fields, depending on
	 * the event class); Asterisk before 13 named it {@code Reason}.
	 */
	private static QueueMemberPaused paused(QueueMemberPausedEvent e, Instant at, @Nullable String pausedReason) {
		return new QueueMemberPaused(at, e.getQueue(), e.getInterface(), e.getPaused(), e.getMemberName(),
				firstNonEmpty(firstNonEmpty(pausedReason, e.getPausedReason()), e.getReason()));
	}

	private static @Nullable String firstNonEmpty(@Nullable String first, @Nullable String second) {
		return (first != null && !first.isEmpty()) ? first : second;
	}

	private static boolean succeeded(@Nullable String result) {
		return result == null || "Success".equalsIgnoreCase(result);
	}

	private static String nameOf(ManagerEvent event) {
		String name = event.getClass().getSimpleName();
		return name.endsWith("Event") ? name.substring(0, name.length() - "Event".length()) : name;
	}

	private static Instant timeOf(ManagerEvent event, Instant receivedAt) {
		Double timestamp = event.getTimestamp();
		return (timestamp != null) ? Instant.ofEpochMilli(Math.round(timestamp * 1000)) : receivedAt;
	}

	private static <E extends ManagerEvent> void on(Class<E> type, BiFunction<E, Instant, AsteriskEvent> translation) {
		TRANSLATIONS.put(type, (event, at) -> translation.apply(type.cast(event), at));
	}

}
