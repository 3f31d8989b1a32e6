package io.callqa.telephony.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.callqa.TelephonyTestApplication;
import io.callqa.telephony.ami.AmiTestEvents;
import io.callqa.simulator.AmiEvent;
import io.callqa.simulator.Scenario;
import io.callqa.telephony.CallEnded;
import io.callqa.telephony.CallOutcome;
import io.callqa.telephony.Calls;
import io.callqa.telephony.Direction;
import io.callqa.telephony.LiveQueueEntry;

/**
 * The call lifecycle from the six captured Asterisk 22 traces, replayed by the AMI simulator to the real
 * Asterisk-Java client and followed by {@link CallTracker} into the embedded database.
 */
@SpringBootTest(classes = { TelephonyTestApplication.class, CallTrackerTests.EndedCalls.class },
		webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallTrackerTests {

	@Autowired
	CallTracker tracker;

	@Autowired
	Calls calls;

	@Autowired
	QueueMembers members;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EndedCalls ended;

	AmiTestFeed feed;

	String suffix;

	@BeforeAll
	void connect() throws Exception {
		this.feed = new AmiTestFeed(this.tracker);
	}

	@AfterAll
	void disconnect() {
		this.feed.close();
	}

	@BeforeEach
	void distinctIds(TestInfo test) {
		this.suffix = "-" + test.getTestMethod().orElseThrow().getName();
		// Each test on its own server: a resync only reconciles the calls of its server.
		this.feed.server = "pbx" + this.suffix;
		this.feed.handTo(this.tracker);
	}

	@Test
	void answeredCallHasItsAgentQueueAndTimesFromTheTrace() throws Exception {
		this.feed.play(scenario("inbound-answered"));

		Map<String, Object> call = call("1795418999.0");
		assertThat(call).containsEntry("source", "ASTERISK").containsEntry("server", this.feed.server)
			.containsEntry("queue", "support").containsEntry("agent", "agent1")
			.containsEntry("caller_number", "5550101").containsEntry("caller_name", "Alice Customer")
			.containsEntry("direction", "INBOUND").containsEntry("outcome", "ANSWERED")
			.containsEntry("state", "ENDED").containsEntry("ring_no_answer", 0).containsEntry("transfers", 0)
			.containsEntry("queue_position", 1).containsEntry("anomaly", null);
		// AgentConnect HoldTime 0, AgentComplete TalkTime 16, Cdr Duration 16.
		assertThat(call).containsEntry("wait_sec", 0.0).containsEntry("talk_sec", 16.0)
			.containsEntry("duration_sec", 16.0);
		assertThat(call.get("entered_at")).isNotNull();
		assertThat(call.get("answered_at")).isNotNull();
		long id = (Long) call.get("id");
		assertThat(legs(id)).containsExactlyInAnyOrder(ids("1795418999.0", "1795418999.1", "1795418999.2",
				"1795418999.3"));
		assertThat(this.calls.findByUniqueid("1795418999.2" + this.suffix)).contains(id);
		assertThat(this.calls.find(id).agent()).isEqualTo("agent1");
		CallEnded event = this.ended.of(id);
		assertThat(event.outcome()).isEqualTo(CallOutcome.ANSWERED);
		assertThat(event.uniqueids()).hasSize(4);
		assertThat(this.members.members("support")).anySatisfy((member) -> {
			assertThat(member.name()).isEqualTo("agent1");
			assertThat(member.available()).isTrue();
		});
		assertThat(this.feed.failures()).isEmpty();
	}

	@Test
	void callerWhoHangsUpInTheQueueAbandoned() throws Exception {
		this.feed.play(scenario("abandoned"));

		// Two AgentRingNoAnswer; QueueCallerAbandon HoldTime 8; longest Cdr 8 s.
		assertThat(call("1795419021.4")).containsEntry("queue", "sales").containsEntry("outcome", "ABANDONED")
			.containsEntry("agent", null).containsEntry("answered_at", null).containsEntry("talk_sec", null)
			.containsEntry("ring_no_answer", 2).containsEntry("wait_sec", 8.0).containsEntry("duration_sec", 8.0)
			.containsEntry("caller_number", "5550102").containsEntry("direction", "INBOUND");
	}

	@Test
	void queueTimeoutIsNotAnAbandon() throws Exception {
		this.feed.play(scenario("queue-timeout"));

		// Four AgentRingNoAnswer; HoldTime 12; the 16 s Cdr comes after the last Hangup and still counts.
		assertThat(call("1795419036.14")).containsEntry("outcome", "TIMEOUT").containsEntry("ring_no_answer", 4)
			.containsEntry("wait_sec", 12.0).containsEntry("duration_sec", 16.0).containsEntry("state", "ENDED");
		assertThat(this.ended.of((Long) call("1795419036.14").get("id")).outcome()).isEqualTo(CallOutcome.TIMEOUT);
	}

	@Test
	void agentFirstCallbackIsOutboundWithItsAttemptAndDialStatus() throws Exception {
		long attempt = callbackAttempt();
		Scenario trace = scenario("callback-originate");
		this.feed.play(withVariable(trace, "CALLQA_ATTEMPT", "" + attempt));

		Map<String, Object> call = call("1795419059.24");
		assertThat(call).containsEntry("direction", "OUTBOUND").containsEntry("outcome", "CONNECTED")
			.containsEntry("queue", null).containsEntry("caller_number", "5550199")
			.containsEntry("callback_attempt_id", attempt).containsEntry("duration_sec", 15.0);
		assertThat(call.get("answered_at")).isNotNull();
		CallEnded event = this.ended.of((Long) call.get("id"));
		assertThat(event.dialStatus()).isEqualTo("ANSWER");
		assertThat(event.callbackAttemptId()).isEqualTo(attempt);
		assertThat(event.direction()).isEqualTo(Direction.OUTBOUND);
	}

	@Test
	void supervisorSpyingIsNotASecondQueueCall() throws Exception {
		this.feed.play(scenario("chanspy"));

		assertThat(call("1795419103.32")).containsEntry("outcome", "ANSWERED").containsEntry("agent", "agent1")
			.containsEntry("talk_sec", 28.0).containsEntry("queue", "support");
		assertThat(call("1795419105.36")).containsEntry("queue", null).containsEntry("direction", "INTERNAL")
			.containsEntry("outcome", "NOT_QUEUED").containsEntry("agent", null);
		assertThat(this.jdbc.sql("select count(*) from call where linkedid like :pattern and queue is not null")
			.param("pattern", "%" + this.suffix)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void agiSeesTheLiveQueueEntryWhileTheCallerWaits() throws Exception {
		Scenario trace = scenario("fastagi");
		int join = indexOf(trace, (event) -> event.type().equals("QueueCallerJoin"));
		this.feed.play(part(trace, 0, join + 1));

		// A second caller joins behind the first.
		this.feed.play(part(trace.withIdSuffix("-second"), 0, join + 1));
		LiveQueueEntry entry = this.calls.liveEntry("1795419721.86" + this.suffix).orElseThrow();
		assertThat(entry.queue()).isEqualTo("support");
		assertThat(entry.position()).isEqualTo(1);
		assertThat(this.calls.liveEntry("1795419721.86" + this.suffix + "-second").orElseThrow().position())
			.isEqualTo(2);
		assertThat(entry.callerNumber()).isEqualTo("5550105");
		assertThat(entry.callId()).isEqualTo(call("1795419721.86").get("id"));
		assertThat(call("1795419721.86")).containsEntry("state", "ACTIVE");

		this.feed.play(part(trace, join + 1, trace.size()));
		assertThat(this.calls.liveEntry("1795419721.86" + this.suffix)).isEmpty();
		assertThat(call("1795419721.86")).containsEntry("outcome", "ANSWERED").containsEntry("agent", "agent2")
			.containsEntry("talk_sec", 16.0).containsEntry("state", "ENDED");
	}

	@Test
	void duplicatedEventsAndReplaysCountOnce() throws Exception {
		Scenario trace = scenario("abandoned");
		List<AmiEvent> doubled = trace.events().stream().flatMap((event) -> Stream.of(event, event)).toList();
		this.feed.play(new Scenario(trace.name(), doubled));
		this.feed.play(trace);

		assertThat(call("1795419021.4")).containsEntry("ring_no_answer", 2).containsEntry("outcome", "ABANDONED")
			.containsEntry("wait_sec", 8.0);
		assertThat(this.ended.count((Long) call("1795419021.4").get("id"))).isEqualTo(1);

		// A distinct copy is a distinct call.
		this.feed.play(trace.withIdSuffix("-copy"));
		assertThat(this.jdbc.sql("select count(*) from call where linkedid like :pattern")
			.param("pattern", "1795419021.4" + this.suffix + "%")
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void callFirstSeenMidwayAndEventsAfterItsEndAreHandled() throws Exception {
		Scenario trace = scenario("inbound-answered");
		int join = indexOf(trace, (event) -> event.type().equals("QueueCallerJoin"));
		// Its first events are lost: the call is first seen on QueueCallerJoin.
		this.feed.play(part(trace, join, trace.size()));
		// After its end: an AgentConnect of another agent must not change it.
		AmiEvent connect = trace.events().get(indexOf(trace, (event) -> event.type().equals("AgentConnect")));
		this.feed.play(new Scenario("late", List.of(connect.mapValues((key, value) -> value.equals("agent1")
				? "agent2" : value))));

		Map<String, Object> call = call("1795418999.0");
		assertThat(call).containsEntry("outcome", "ANSWERED").containsEntry("agent", "agent1")
			.containsEntry("state", "ENDED").containsEntry("talk_sec", 16.0);
		assertThat((String) call.get("anomaly")).isEqualTo("first seen on QueueCallerJoin: its earlier events were missed");
	}

	@Test
	void hangupBeforeAgentConnectEndsTheCallOnce() throws Exception {
		Scenario trace = scenario("inbound-answered");
		// The caller's legs hang up first; the AgentConnect and bridge events come after the end.
		this.feed.play(Traces.agentConnectAfterHangup(trace));

		Map<String, Object> call = call("1795418999.0");
		assertThat(call).containsEntry("state", "ENDED").containsEntry("outcome", "ABANDONED");
		assertThat(this.ended.count((Long) call.get("id"))).isEqualTo(1);
		assertThat(this.feed.failures()).isEmpty();
	}

	@Test
	void malformedAndUnknownEventsNeverStopTheTracker() throws Exception {
		this.feed.inject("Event: QueueCallerJoin\r\nChannel: x\r\nLinkedid: \r\nUniqueid: \r\nPosition: abc\r\n\r\n");
		this.feed.inject("Event: Hangup\r\n\r\n");
		this.feed.inject("Event: AgentRingNoAnswer\r\nQueue: sales\r\n\r\n");
		this.feed.inject("Event: AgentComplete\r\nQueue: sales\r\nTalkTime: lots\r\n\r\n");
		this.feed.inject("Event: NoSuchThing\r\nFoo: bar\r\n\r\n");
		this.feed.inject("this is not an AMI block at all\r\n\r\n");
		this.feed.inject("Event: Cdr\r\nUniqueID: nobody\r\nDuration: -x\r\n\r\n");
		this.feed.play(withVariable(scenario("inbound-answered"), "CALLQA_ATTEMPT", "not-a-number"));

		Map<String, Object> call = call("1795418999.0");
		assertThat(call).containsEntry("outcome", "ANSWERED").containsEntry("callback_attempt_id", null);
		assertThat((String) call.get("anomaly")).contains("CALLQA_ATTEMPT is not a callback attempt id");
		assertThat(this.feed.failures()).isEmpty();
	}

	@Test
	void eventTimestampsWinOverReceptionTime() throws Exception {
		String id = "1700000000.1" + this.suffix;
		String channel = "Channel: Local/cust@customer-00000099;1\r\nUniqueid: " + id + "\r\nLinkedid: " + id;
		this.feed.inject("Event: Newchannel\r\nTimestamp: 1700000000.000000\r\n" + channel
				+ "\r\nCallerIDNum: 5550111\r\nCallerIDName: Timed Caller\r\n\r\n"
				+ "Event: QueueCallerJoin\r\nTimestamp: 1700000000.500000\r\n" + channel
				+ "\r\nQueue: support\r\nPosition: 3\r\nCount: 3\r\n\r\n"
				+ "Event: AgentConnect\r\nTimestamp: 1700000010.500000\r\n" + channel
				+ "\r\nQueue: support\r\nInterface: Local/agent2@agents/n\r\nMemberName: agent2\r\n\r\n"
				// Without a BridgeUniqueid, Asterisk-Java 3.42.2's legacy bridge emulation kills its reader thread.
				+ "Event: BridgeLeave\r\nTimestamp: 1700000030.500000\r\nBridgeUniqueid: b-1\r\n" + channel
				+ "\r\n\r\n"
				+ "Event: Hangup\r\nTimestamp: 1700000031.000000\r\n" + channel + "\r\nCause: 16\r\n\r\n");

		// Entered at +0.5 s, answered at +10.5 s, talked until +30.5 s, hung up at +31 s.
		assertThat(call("1700000000.1")).containsEntry("wait_sec", 10.0).containsEntry("talk_sec", 20.0)
			.containsEntry("duration_sec", 31.0).containsEntry("queue_position", 3)
			.containsEntry("caller_name", "Timed Caller").containsEntry("outcome", "ANSWERED");
		assertThat(((java.sql.Timestamp) call("1700000000.1").get("started_at")).toInstant())
			.isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
	}

	@Test
	void resyncAfterADropEndsCallsWhoseHangupWasLostAndAdoptsNewOnes() throws Exception {
		Scenario trace = scenario("abandoned");
		int join = indexOf(trace, (event) -> event.type().equals("QueueCallerJoin"));
		this.feed.play(part(trace, 0, join + 1));
		assertThat(call("1795419021.4")).containsEntry("state", "ACTIVE");

		Instant droppedAt = Instant.parse("2026-11-23T07:30:25Z");
		this.feed.disconnect(droppedAt);
		this.feed.dropAndReconnect();
		String stranger = "1795419999.50" + this.suffix;
		this.feed.resync(AmiTestEvents.snapshot(Instant.parse("2026-11-23T07:31:00Z"),
				List.of(channel(stranger, stranger, "Local/cust@customer-00000050;1", "00:00:20")),
				List.of(member("support", "agent9")), List.of(entry(stranger, "support", 3, 15))));

		Map<String, Object> lost = call("1795419021.4");
		assertThat(lost).containsEntry("state", "ENDED").containsEntry("outcome", "LOST")
			.containsEntry("anomaly", "ended while AMI was disconnected");
		assertThat(((java.sql.Timestamp) lost.get("ended_at")).toInstant()).isEqualTo(droppedAt);
		assertThat(this.ended.of((Long) lost.get("id")).outcome()).isEqualTo(CallOutcome.LOST);

		Map<String, Object> adopted = call("1795419999.50");
		assertThat(adopted).containsEntry("state", "ACTIVE").containsEntry("queue", "support")
			.containsEntry("queue_position", 3).containsEntry("anomaly", "started while AMI was disconnected");
		assertThat(((java.sql.Timestamp) adopted.get("started_at")).toInstant())
			.isEqualTo(Instant.parse("2026-11-23T07:30:40Z"));
		assertThat(((java.sql.Timestamp) adopted.get("entered_at")).toInstant())
			.isEqualTo(Instant.parse("2026-11-23T07:30:45Z"));
		assertThat(this.members.members("support")).filteredOn((member) -> member.server().equals(this.feed.server))
			.extracting(QueueMemberState::name)
			.containsExactly("agent9");

		// Asterisk "restarted": none of those channels exist any more.
		this.feed.resync(AmiTestEvents.snapshot(Instant.parse("2026-11-23T07:32:00Z"), List.of(), List.of(), List.of()));
		assertThat(call("1795419999.50")).containsEntry("state", "ENDED").containsEntry("outcome", "LOST");
	}

	@Test
	void aRestartedTrackerFollowsTheCallsThatWereActive() throws Exception {
		Scenario trace = scenario("inbound-answered");
		int connect = indexOf(trace, (event) -> event.type().equals("AgentConnect"));
		this.feed.play(part(trace, 0, connect + 1));
		long id = (Long) call("1795418999.0").get("id");
		assertThat(call("1795418999.0")).containsEntry("state", "ACTIVE").containsEntry("agent", "agent1");

		CallTracker restarted = new CallTracker(new TrackedQueueMembers(), this.writer);
		restarted.afterSingletonsInstantiated();
		this.feed.handTo(restarted);
		assertThat(restarted.findByUniqueid(this.feed.server, "1795418999.3" + this.suffix)).contains(id);
		this.feed.play(part(trace, connect + 1, trace.size()));

		Map<String, Object> call = call("1795418999.0");
		assertThat(call).containsEntry("id", id).containsEntry("state", "ENDED").containsEntry("outcome", "ANSWERED")
			.containsEntry("agent", "agent1").containsEntry("talk_sec", 16.0).containsEntry("anomaly", null);
		assertThat(this.ended.count(id)).isEqualTo(1);
	}

	@Test
	void transfersAreCountedOnceAndTheLastAgentKeepsTheCall() throws Exception {
		this.feed.inject(Traces.transfers(this.suffix));

		Map<String, Object> call = call("1700000100.1");
		// The first agent's answer sets the wait (HoldTime 4); two transfers, each sent twice.
		assertThat(call).containsEntry("transfers", 2).containsEntry("agent", "agent3")
			.containsEntry("outcome", "ANSWERED").containsEntry("wait_sec", 4.0);
		assertThat(this.jdbc.sql("""
				select kind || ' ' || from_agent || ' -> ' || to_target from call_transfer where call_id = :id
				order by id""").param("id", call.get("id")).query(String.class).list())
			.containsExactly("BLIND agent1 -> agent2@agents", "ATTENDED agent2 -> agent3");
		assertThat(this.feed.failures()).isEmpty();
	}

	@Test
	void queueMembersFollowAddPauseCallsAndRemoval() throws Exception {
		String queue = "members" + this.suffix;
		String member = "Queue: " + queue + "\r\nMemberName: agent7\r\nInterface: Local/agent7@agents/n\r\n";
		this.feed.inject("Event: QueueMemberAdded\r\n" + member + "Status: 1\r\nPaused: 0\r\nInCall: 0\r\n\r\n");
		assertThat(this.members.available(queue)).extracting(QueueMemberState::name).containsExactly("agent7");

		this.feed.inject("Event: QueueMemberPause\r\n" + member + "Paused: 1\r\nPausedReason: lunch\r\n\r\n");
		assertThat(this.members.available(queue)).isEmpty();
		assertThat(this.members.members(queue)).singleElement().satisfies((state) -> {
			assertThat(state.paused()).isTrue();
			assertThat(state.server()).isEqualTo(this.feed.server);
		});

		this.feed.inject("Event: QueueMemberPause\r\n" + member + "Paused: 0\r\n\r\n");
		String id = "1700000200.1" + this.suffix;
		this.feed.inject("Event: AgentConnect\r\nChannel: Local/cust@customer-00000200;1\r\nUniqueid: " + id
				+ "\r\nLinkedid: " + id + "\r\n" + member + "HoldTime: 1\r\n\r\n");
		assertThat(this.members.members(queue)).singleElement().satisfies((state) -> {
			assertThat(state.inCall()).isTrue();
			assertThat(state.available()).isFalse();
		});

		this.feed.inject("Event: AgentComplete\r\n" + member + "TalkTime: 30\r\nReason: agent\r\n\r\n");
		assertThat(this.members.available(queue)).hasSize(1);

		this.feed.inject("Event: QueueMemberRemoved\r\n" + member + "\r\n");
		assertThat(this.members.members(queue)).isEmpty();
	}

	@Test
	void aBurstOfTenThousandEventsLosesNoCall() throws Exception {
		Scenario trace = scenario("inbound-answered");
		List<Scenario> copies = IntStream.range(0, 60).mapToObj((i) -> trace.withIdSuffix("-" + i)).toList();
		long started = System.nanoTime();
		this.feed.playAll(copies);
		double seconds = (System.nanoTime() - started) / 1e9;
		LoggerFactory.getLogger(getClass()).info("{} events through Asterisk-Java into call rows in {} s",
				60 * trace.size(), seconds);

		assertThat(60 * trace.size()).isGreaterThanOrEqualTo(10_000);
		assertThat(this.jdbc.sql("""
				select count(*) from call where server = :server and outcome = 'ANSWERED' and talk_sec = 16
				and agent = 'agent1' and state = 'ENDED'""")
			.param("server", this.feed.server)
			.query(Long.class)
			.single()).isEqualTo(60);
		assertThat(this.jdbc.sql("select count(*) from call_leg where server = :server")
			.param("server", this.feed.server)
			.query(Long.class)
			.single()).isEqualTo(240);
		assertThat(this.ended.countOn(this.feed.server)).isEqualTo(60);
	}

	@Autowired
	CallWriter writer;

	// ---- helpers ----

	private Scenario scenario(String name) {
		return Scenario.load(name).withIdSuffix(this.suffix);
	}

	private Map<String, Object> call(String linkedid) {
		return this.jdbc.sql("select * from call where server = :server and linkedid = :linkedid")
			.param("server", this.feed.server)
			.param("linkedid", linkedid + this.suffix)
			.query()
			.singleRow();
	}

	private List<String> legs(long callId) {
		return this.jdbc.sql("select uniqueid from call_leg where call_id = :id").param("id", callId)
			.query(String.class).list();
	}

	private String[] ids(String... uniqueids) {
		return Stream.of(uniqueids).map((id) -> id + this.suffix).toArray(String[]::new);
	}

	private long callbackAttempt() {
		long request = this.jdbc.sql("""
				insert into callback_request (queue, number, source, requested_at, promised_by, next_attempt_at,
				state, max_attempts) values ('support', :number, 'IVR', now(), now(), now(), 'DIALLING', 3)
				returning id""").param("number", "5550199" + this.suffix).query(Long.class).single();
		return this.jdbc.sql("""
				insert into callback_attempt (request_id, attempt_no, action_id, started_at)
				values (:request, 1, :action, now()) returning id""")
			.param("request", request)
			.param("action", "attempt" + this.suffix)
			.query(Long.class)
			.single();
	}

	private static AmiEvent varSet(AmiEvent channelEvent, String variable, String value) {
		return new AmiEvent(List.of("Event: VarSet", "Channel: " + channelEvent.value("Channel"),
				"Uniqueid: " + channelEvent.value("Uniqueid"), "Linkedid: " + channelEvent.value("Linkedid"),
				"Variable: " + variable, "Value: " + value));
	}

	/** The trace with a VarSet on its first channel right after that channel's Newchannel (as Originate sets it). */
	private static Scenario withVariable(Scenario scenario, String variable, String value) {
		int index = indexOf(scenario, (event) -> event.type().equals("Newchannel"));
		List<AmiEvent> events = new ArrayList<>(scenario.events());
		events.add(index + 1, varSet(events.get(index), variable, value));
		return new Scenario(scenario.name(), events);
	}

	private static Scenario part(Scenario scenario, int from, int to) {
		return new Scenario(scenario.name(), scenario.events().subList(from, to));
	}

	private static int indexOf(Scenario scenario, Predicate<AmiEvent> match) {
		for (int i = 0; i < scenario.size(); i++) {
			if (match.test(scenario.events().get(i))) {
				return i;
			}
		}
		throw new IllegalArgumentException("No such event in " + scenario.name());
	}

	private static CoreShowChannelEvent channel(String uniqueid, String linkedid, String name, String duration) {
		CoreShowChannelEvent channel = new CoreShowChannelEvent(CallTrackerTests.class);
		channel.setUniqueid(uniqueid);
		channel.setLinkedid(linkedid);
		channel.setChannel(name);
		channel.setDuration(duration);
		channel.setCallerIdNum("5550177");
		return channel;
	}

	private static QueueEntryEvent entry(String uniqueid, String queue, int position, long wait) {
		QueueEntryEvent entry = new QueueEntryEvent(CallTrackerTests.class);
		entry.setUniqueId(uniqueid);
		entry.setQueue(queue);
		entry.setPosition(position);
		entry.setWait(wait);
		return entry;
	}

	private static QueueMemberEvent member(String queue, String name) {
		QueueMemberEvent member = new QueueMemberEvent(CallTrackerTests.class);
		member.setQueue(queue);
		member.setMemberName(name);
		member.setInterface("Local/" + name + "@agents/n");
		member.setStatus(1);
		member.setPaused(false);
		member.setIncall(0);
		return member;
	}

	/** Collects every {@link CallEnded}, as a listener in another feature would receive it. */
	@TestConfiguration
	static class EndedCalls {

		private final List<CallEnded> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(CallEnded event) {
			this.events.add(event);
		}

		CallEnded of(long callId) {
			return this.events.stream().filter((event) -> event.callId() == callId).findFirst().orElseThrow();
		}

		long countOn(String server) {
			return this.events.stream().filter((event) -> event.server().equals(server)).count();
		}

		long count(long callId) {
			return this.events.stream().filter((event) -> event.callId() == callId).count();
		}

	}

}
