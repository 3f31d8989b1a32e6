package io.callqa.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One inbound queue call to play on {@link AmiSimulator}: what happens and when, on a scripted clock, so tests can
 * compute wait and talk times by hand. The simulator renders it into the events a real Asterisk 22 sends for it
 * (the same event types, order and fields as the captured traces), with fresh server-unique Uniqueids.
 * <p>
 * Times: the caller joins the queue at {@link #startingAt} (+ 0 s; the customer channels appear at the same
 * instant), an agent answers at start + {@link #waitFor wait}, and the call ends at answer + {@link #talkFor talk}
 * (for transfers, + {@link #talkAfterTransfer} more). Abandon, timeout and callback-offer exits happen at start +
 * wait. Every event carries {@code Timestamp: <epoch seconds>.<micros>}.
 */
public final class CallScript {

	/** What the call does. */
	public enum Kind {

		/** An agent answers (after {@code ringNoAnswer} unanswered ring attempts) and they talk; the caller hangs up. */
		ANSWERED,
		/** The caller hangs up while waiting. */
		ABANDONED,
		/** The queue times out (QUEUESTATUS=TIMEOUT); on AMI it looks like an abandon. */
		QUEUE_TIMEOUT,
		/** The caller presses 1 in the queue (QueueCallerLeave, no abandon) and runs the callback-offer AGI. */
		CALLBACK_OFFER,
		/** Answered, then the agent blind-transfers the caller to {@code transferTo}. */
		BLIND_TRANSFER,
		/** Answered, then the agent consults {@code transferTo} and completes an attended transfer. */
		ATTENDED_TRANSFER,
		/** Answered, and a supervisor listens with ChanSpy on the agent's channel. */
		CHANSPY,
		/**
		 * Answered; the agent hangs up and the caller goes on in the dialplan (Queue option c) to the survey AGI for
		 * {@code surveyFor}, then the dialplan hangs up.
		 */
		SURVEY

	}

	private final Kind kind;

	private String callerNumber = "5550101";

	private String callerName = "Alice Customer";

	private @Nullable String queue;

	private final List<String> agents = new ArrayList<>();

	private String transferTo = "agent2";

	private String supervisor = "sup1";

	private Duration wait = Duration.ofSeconds(5);

	private int ringNoAnswer;

	private Duration talk = Duration.ofSeconds(12);

	private Duration talkAfterTransfer = Duration.ofSeconds(8);

	private @Nullable Instant start;

	private String recordingPrefix = "call";

	private @Nullable Conversation conversation;

	private final List<Hold> holds = new ArrayList<>();

	private CallScript(Kind kind) {
		this.kind = kind;
	}

	public static CallScript answered() {
		return new CallScript(Kind.ANSWERED);
	}

	/** Defaults to queue {@code sales}, whose members ring but never answer, like the captured trace. */
	public static CallScript abandoned() {
		return new CallScript(Kind.ABANDONED).queue("sales").waitFor(Duration.ofSeconds(8));
	}

	/** Defaults to queue {@code sales} and a 12 s queue timeout, like the captured trace. */
	public static CallScript queueTimeout() {
		return new CallScript(Kind.QUEUE_TIMEOUT).queue("sales").waitFor(Duration.ofSeconds(12));
	}

	public static CallScript callbackOffer() {
		return new CallScript(Kind.CALLBACK_OFFER);
	}

	/** agent1 answers and blind-transfers to agent2 unless told otherwise. */
	public static CallScript blindTransfer() {
		return new CallScript(Kind.BLIND_TRANSFER);
	}

	/** agent1 answers and transfers to agent2 after consulting, unless told otherwise. */
	public static CallScript attendedTransfer() {
		return new CallScript(Kind.ATTENDED_TRANSFER);
	}

	public static CallScript chanSpy() {
		return new CallScript(Kind.CHANSPY);
	}

	/** agent1 answers, then hangs up; the caller answers the post-call survey (6 s) before the dialplan hangs up. */
	public static CallScript survey() {
		return new CallScript(Kind.SURVEY);
	}

	public CallScript caller(String number, String name) {
		this.callerNumber = number;
		this.callerName = name;
		return this;
	}

	/** The queue joined; default {@code support}. */
	public CallScript queue(String queue) {
		this.queue = queue;
		return this;
	}

	/**
	 * The members that ring, in order (the last one answers when the call is answered); default: the queue's members
	 * (the first one answers).
	 */
	public CallScript agents(String... agents) {
		this.agents.clear();
		this.agents.addAll(List.of(agents));
		return this;
	}

	public CallScript transferTo(String agent) {
		this.transferTo = agent;
		return this;
	}

	public CallScript supervisor(String exten) {
		this.supervisor = exten;
		return this;
	}

	/** Time in queue until answer, abandon, timeout or key press. */
	public CallScript waitFor(Duration wait) {
		if (wait.isNegative()) {
			throw new IllegalArgumentException("'wait' must not be negative");
		}
		this.wait = wait;
		return this;
	}

	/** Unanswered ring attempts before the answering one; they share the wait evenly. */
	public CallScript ringNoAnswer(int attempts) {
		if (attempts < 0) {
			throw new IllegalArgumentException("'attempts' must not be negative");
		}
		this.ringNoAnswer = attempts;
		return this;
	}

	/** Talk time with the (first) agent. */
	public CallScript talkFor(Duration talk) {
		if (talk.isNegative()) {
			throw new IllegalArgumentException("'talk' must not be negative");
		}
		this.talk = talk;
		return this;
	}

	public CallScript talkAfterTransfer(Duration talk) {
		this.talkAfterTransfer = talk;
		return this;
	}

	/** When the caller joins the queue; default: the wall clock when played. */
	public CallScript startingAt(Instant start) {
		this.start = start;
		return this;
	}

	/** The MixMonitor file prefix ({@code <prefix>-<UNIQUEID>.wav}); default {@code call}. */
	public CallScript recordingPrefix(String prefix) {
		this.recordingPrefix = prefix;
		return this;
	}

	/**
	 * What the parties say: the call's recordings (when written) hold the conversation from the answer on, and the
	 * talk time becomes the conversation's length.
	 */
	public CallScript conversation(Conversation conversation) {
		this.conversation = conversation;
		return talkFor(conversation.length());
	}

	/**
	 * The agent puts the caller on hold {@code afterAnswer} into the talk for {@code length} (an answered call only):
	 * {@code Hold} on the agent's bridged channel and {@code MusicOnHoldStart} on the caller's, then {@code Unhold}
	 * and {@code MusicOnHoldStop}, as Asterisk 22 sends them when a phone holds. A hold that would outlast the talk
	 * ends with the call (no Unhold).
	 */
	public CallScript holdAt(Duration afterAnswer, Duration length) {
		if (afterAnswer.isNegative() || length.isNegative()) {
			throw new IllegalArgumentException("hold times must not be negative");
		}
		this.holds.add(new Hold(afterAnswer, length));
		this.holds.sort((a, b) -> a.afterAnswer().compareTo(b.afterAnswer()));
		return this;
	}

	public Kind kind() {
		return this.kind;
	}

	String callerNumber() {
		return this.callerNumber;
	}

	String callerName() {
		return this.callerName;
	}

	String queueName() {
		return (this.queue != null) ? this.queue : "support";
	}

	List<String> agentNames() {
		return List.copyOf(this.agents);
	}

	String transferTarget() {
		return this.transferTo;
	}

	String supervisorExten() {
		return this.supervisor;
	}

	Duration waitTime() {
		return this.wait;
	}

	int ringNoAnswerCount() {
		return this.ringNoAnswer;
	}

	Duration talkTime() {
		return this.talk;
	}

	Duration talkTimeAfterTransfer() {
		return this.talkAfterTransfer;
	}

	Instant startOr(Instant fallback) {
		return (this.start != null) ? this.start : fallback;
	}

	String prefix() {
		return this.recordingPrefix;
	}

	List<Hold> holds() {
		return List.copyOf(this.holds);
	}

	/** One hold during the talk. */
	record Hold(Duration afterAnswer, Duration length) {
	}

	@Nullable Conversation conversationOrNull() {
		return this.conversation;
	}

}
