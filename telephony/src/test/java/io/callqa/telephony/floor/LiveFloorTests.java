package io.callqa.telephony.floor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.callqa.TelephonyTestApplication;
import io.callqa.simulator.AmiSimulator;
import io.callqa.simulator.SimulatedQueue;
import io.callqa.simulator.SimulatedQueue.Member;
import io.callqa.telephony.AgentFloor;
import io.callqa.telephony.AgentState;
import io.callqa.telephony.AsteriskConnector;
import io.callqa.telephony.Calls;
import io.callqa.telephony.ami.AsteriskEvent;
import io.callqa.telephony.Await;
import io.callqa.telephony.FloorChanges;
import io.callqa.telephony.FloorSnapshot;
import io.callqa.telephony.LiveFloor;
import io.callqa.telephony.LiveQueueEntry;
import io.callqa.telephony.QueueFloor;
import io.callqa.telephony.SimulatedAsterisk;

/**
 * The live floor followed from Asterisk 22's queue events, sent by two simulated servers to the real Asterisk-Java
 * client: member states, pauses with reasons, waiting callers, answered calls, the rebuild after a reconnect, and the
 * state history in the embedded database.
 */
@SpringBootTest(classes = TelephonyTestApplication.class, properties = "callqa.telephony.callbacks.enabled=false")
class LiveFloorTests {

	/** pbx1: support with agent1 and agent2, sales with agent3 (PJSIP phones, as in the repository's queues.conf). */
	private static final AmiSimulator pbx1 = SimulatedAsterisk.start()
		.queues(List.of(
				new SimulatedQueue("support", "rrmemory", 10, 2,
						List.of(new Member("agent1", "PJSIP/1001"), new Member("agent2", "PJSIP/1002"))),
				new SimulatedQueue("sales", "ringall", 5, 1, List.of(new Member("agent3", "PJSIP/1003")))));

	/** pbx2: another support queue, with agent5. */
	private static final AmiSimulator pbx2 = SimulatedAsterisk.start()
		.queues(List.of(new SimulatedQueue("support", "rrmemory", 10, 2, List.of(new Member("agent5", "PJSIP/2005")))));

	private static final AtomicInteger ids = new AtomicInteger();

	@Autowired
	private LiveFloor floor;

	@Autowired
	private AsteriskConnector connector;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private FloorRepository repository;

	@Autowired
	private Calls calls;

	@Autowired
	private FloorProperties properties;

	@DynamicPropertySource
	static void asterisk(DynamicPropertyRegistry registry) {
		SimulatedAsterisk.connect(registry, pbx1, "pbx1");
		registry.add("callqa.telephony.ami.servers[1].name", () -> "pbx2");
		registry.add("callqa.telephony.ami.servers[1].port", pbx2::port);
		registry.add("callqa.telephony.ami.servers[1].username", () -> SimulatedAsterisk.USER);
		registry.add("callqa.telephony.ami.servers[1].secret", () -> SimulatedAsterisk.SECRET);
	}

	@AfterAll
	static void stopSimulators() {
		pbx1.close();
		pbx2.close();
	}

	@BeforeEach
	void connected() throws InterruptedException {
		await(() -> this.connector.status().allConnected()
				&& this.connector.status().servers().stream().allMatch((server) -> server.lastResyncAt() != null));
	}

	@Test
	void queueStatusOnConnectFillsTheFloorAddedUpOverBothServers() throws InterruptedException {
		await(() -> queue("support") != null && queue("support").loggedIn() == 3);
		QueueFloor support = queue("support");
		assertThat(support.available()).isEqualTo(3);
		assertThat(support.waiting()).isEmpty();
		assertThat(support.longestWaitingSince()).isNull();
		assertThat(queue("sales").loggedIn()).isEqualTo(1);
		AgentFloor agent5 = agent("agent5");
		assertThat(agent5.state()).isEqualTo(AgentState.AVAILABLE);
		assertThat(agent5.queues()).containsExactly("support");
		assertThat(agent5.call()).isNull();
	}

	@Test
	void deviceStatesMakeAnAgentRingingOnACallOrUnavailable() throws InterruptedException {
		String agent = "dev" + ids.incrementAndGet();
		String iface = "PJSIP/3" + ids.get();
		String q = "d" + ids.get();
		pbx1.inject(AmiText.added(q, agent, iface));
		await(() -> state(agent) == AgentState.AVAILABLE);
		pbx1.inject(AmiText.status(q, agent, iface, 6));
		await(() -> state(agent) == AgentState.RINGING);
		pbx1.inject(AmiText.status(q, agent, iface, 2));
		await(() -> state(agent) == AgentState.ON_CALL);
		// A call that is not a queue call (status only): on a call, with no call details.
		assertThat(agent(agent).call()).isNull();
		pbx1.inject(AmiText.status(q, agent, iface, 5));
		await(() -> state(agent) == AgentState.UNAVAILABLE);
		pbx1.inject(AmiText.removed(q, agent, iface));
		await(() -> state(agent) == AgentState.LOGGED_OUT);
		assertThat(agent(agent).queues()).isEmpty();

		// The floor shows a change first, then its batch is written.
		awaitHistory(agent, "AVAILABLE/null", "RINGING/null", "ON_CALL/null", "UNAVAILABLE/null");
		// The log-out may come in the batch after UNAVAILABLE's: it closes the last stretch when it is written.
		await(() -> history(agent).stream().allMatch((row) -> row.get("ended_at") != null));
		assertThat(statesAndReasons(agent)).hasSize(4);
	}

	@Test
	void aPauseFromThePhoneWithAReasonShowsAndIsRecorded() throws InterruptedException {
		String agent = "pause" + ids.incrementAndGet();
		String iface = "PJSIP/4" + ids.get();
		String q1 = "pa" + ids.get();
		String q2 = "pb" + ids.get();
		pbx1.inject(AmiText.added(q1, agent, iface));
		pbx1.inject(AmiText.added(q2, agent, iface));
		await(() -> state(agent) == AgentState.AVAILABLE);
		
		pbx1.inject(AmiText.pause(q1, agent, iface, true, "Lunch"));
		// Paused in one of two queues: still available for the other.
		await(() -> queue(q1).paused() == 1);
		assertThat(state(agent)).isEqualTo(AgentState.AVAILABLE);
		pbx1.inject(AmiText.pause(q2, agent, iface, true, "Lunch"));
		await(() -> state(agent) == AgentState.PAUSED);
		Instant pausedSince = agent(agent).since();
		assertThat(agent(agent).pauseReason()).isEqualTo("Lunch");

		pbx1.inject(AmiText.pause(q1, agent, iface, true, "Training"));
		pbx1.inject(AmiText.pause(q2, agent, iface, true, "Training"));
		await(() -> "Training".equals(agent(agent).pauseReason()));
		assertThat(agent(agent).since()).isAfterOrEqualTo(pausedSince);

		pbx1.inject(AmiText.pause(q1, agent, iface, false, ""));
		pbx1.inject(AmiText.pause(q2, agent, iface, false, ""));
		await(() -> state(agent) == AgentState.AVAILABLE);
		assertThat(agent(agent).pauseReason()).isNull();

		awaitHistory(agent, "AVAILABLE/null", "PAUSED/Lunch", "PAUSED/Training", "AVAILABLE/null");
		List<Map<String, Object>> history = history(agent);
		assertThat(history.get(0).get("ended_at")).isEqualTo(history.get(1).get("started_at"));
	}

	@Test
	void aPausedAgentOnACallIsOnTheCallThenPausedAgainWithTheSameReason() throws InterruptedException {
		int n = ids.incrementAndGet();
		String agent = "busy" + n;
		String iface = "PJSIP/9" + n;
		String q = "b" + n;
		pbx1.inject(AmiText.added(q, agent, iface));
		await(() -> state(agent) == AgentState.AVAILABLE);
		pbx1.inject(AmiText.pause(q, agent, iface, true, "Admin"));
		await(() -> state(agent) == AgentState.PAUSED);
		pbx1.inject(AmiText.member("QueueMemberStatus", q, agent, iface, 2, true, "Admin", false));
		await(() -> state(agent) == AgentState.ON_CALL);
		assertThat(queue(q).onCall()).isEqualTo(1);
		assertThat(queue(q).paused()).isZero();
		pbx1.inject(AmiText.member("QueueMemberStatus", q, agent, iface, 1, true, "Admin", false));
		await(() -> state(agent) == AgentState.PAUSED);
		assertThat(agent(agent).pauseReason()).isEqualTo("Admin");
		awaitHistory(agent, "AVAILABLE/null", "PAUSED/Admin", "ON_CALL/null", "PAUSED/Admin");
	}

	@Test
	void waitingCallersJoinLeaveAndAbandonWithTheirPlaceAndNumber() throws InterruptedException {
		String queue = "wait" + ids.incrementAndGet();
		pbx1.inject(AmiText.join(queue, "PJSIP/trunk-00000001", "1800000001." + ids.get(), "5550101", 1));
		pbx1.inject(AmiText.join(queue, "PJSIP/trunk-00000002", "1800000002." + ids.get(), "5550102", 2));
		pbx1.inject(AmiText.join(queue, "PJSIP/trunk-00000003", "1800000003." + ids.get(), "5550103", 3));
		await(() -> queue(queue) != null && queue(queue).waiting().size() == 3);
		QueueFloor three = queue(queue);
		assertThat(three.waiting()).extracting(LiveQueueEntry::callerNumber)
			.containsExactly("5550101", "5550102", "5550103");
		assertThat(three.longestWaitingSince()).isEqualTo(three.waiting().get(0).enteredAt());
		assertThat(three.waiting()).allSatisfy((entry) -> assertThat(entry.server()).isEqualTo("pbx1"));
		await(() -> queue(queue).waiting().stream().allMatch((entry) -> entry.callId() != null));

		pbx1.inject(AmiText.abandon(queue, "PJSIP/trunk-00000001", "1800000001." + ids.get(), "5550101", 1));
		pbx1.inject(AmiText.leave(queue, "PJSIP/trunk-00000001", "1800000001." + ids.get(), "5550101", 1));
		await(() -> queue(queue).waiting().size() == 2);
		assertThat(queue(queue).waiting()).extracting((entry) -> entry.callerNumber() + "@" + entry.position())
			.containsExactly("5550102@1", "5550103@2");

		pbx1.inject(AmiText.leave(queue, "PJSIP/trunk-00000003", "1800000003." + ids.get(), "5550103", 2));
		await(() -> queue(queue).waiting().size() == 1);
		assertThat(queue(queue).longestWaitingSince()).isEqualTo(queue(queue).waiting().get(0).enteredAt());
	}

	@Test
	void anAnsweredCallPutsTheAgentOnItWithTheirOwnChannelUntilItCompletes() throws InterruptedException {
		int n = ids.incrementAndGet();
		String agent = "talk" + n;
		String iface = "PJSIP/5" + n;
		String caller = "1800000100." + n;
		String q = "t" + n;
		pbx1.inject(AmiText.added(q, agent, iface));
		await(() -> state(agent) == AgentState.AVAILABLE);
		int callsBefore = agent(agent).callsToday();
		pbx1.inject(AmiText.join(q, "PJSIP/trunk-00000100", caller, "5550199", 1));
		await(() -> queue(q).waiting().stream().anyMatch((entry) -> "5550199".equals(entry.callerNumber())));

		pbx1.inject(AmiText.connect(q, "PJSIP/trunk-00000100", caller, "5550199", agent, iface,
				iface + "-0000002a", "1800000101." + n));
		pbx1.inject(AmiText.leave(q, "PJSIP/trunk-00000100", caller, "5550199", 1));
		await(() -> state(agent) == AgentState.ON_CALL);
		AgentFloor onCall = agent(agent);
		assertThat(onCall.call()).isNotNull();
		assertThat(onCall.call().agentChannel()).isEqualTo(iface + "-0000002a");
		assertThat(onCall.call().queue()).isEqualTo(q);
		assertThat(onCall.call().callerNumber()).isEqualTo("5550199");
		assertThat(onCall.call().server()).isEqualTo("pbx1");
		assertThat(onCall.callsToday()).isEqualTo(callsBefore + 1);
		assertThat(queue(q).waiting()).noneMatch((entry) -> "5550199".equals(entry.callerNumber()));
		// The call tracker stored the call: the floor names it.
		await(() -> agent(agent).call().callId() != null);
		assertThat(queue(q).onCall()).isEqualTo(1);

		pbx1.inject(AmiText.complete(q, "PJSIP/trunk-00000100", caller, "5550199", agent, iface,
				iface + "-0000002a", "1800000101." + n));
		await(() -> state(agent) == AgentState.AVAILABLE);
		assertThat(agent(agent).call()).isNull();
		assertThat(agent(agent).callsToday()).isEqualTo(callsBefore + 1);
	}

	@Test
	void aDirectCallOnTheAgentsPhoneIsTheirCurrentCallWithTheirChannel() throws InterruptedException {
		int n = ids.incrementAndGet();
		String agent = "direct" + n;
		String iface = "PJSIP/8" + n;
		String q = "x" + n;
		pbx2.inject(AmiText.added(q, agent, iface));
		await(() -> state(agent) == AgentState.AVAILABLE);
		pbx2.inject(AmiText.newChannel(iface + "-00000050", "1800000300." + n, "8" + n));
		pbx2.inject(AmiText.status(q, agent, iface, 2));
		await(() -> state(agent) == AgentState.ON_CALL && agent(agent).call() != null);
		assertThat(agent(agent).call().agentChannel()).isEqualTo(iface + "-00000050");
		assertThat(agent(agent).call().queue()).isNull();
		assertThat(agent(agent).call().server()).isEqualTo("pbx2");

		pbx2.inject(AmiText.hangup(iface + "-00000050", "1800000300." + n));
		pbx2.inject(AmiText.status(q, agent, iface, 1));
		await(() -> state(agent) == AgentState.AVAILABLE);
		assertThat(agent(agent).call()).isNull();
	}

	@Test
	void changesSinceAVersionHoldOnlyWhatChanged() throws InterruptedException {
		String agent = "chg" + ids.incrementAndGet();
		String iface = "PJSIP/6" + ids.get();
		String q = "c" + ids.get();
		pbx1.inject(AmiText.added(q, agent, iface));
		await(() -> state(agent) == AgentState.AVAILABLE);
		FloorSnapshot snapshot = this.floor.snapshot();
		assertThat(this.floor.changesSince(snapshot.version()).isEmpty()).isTrue();

		pbx1.inject(AmiText.pause(q, agent, iface, true, "Break"));
		await(() -> state(agent) == AgentState.PAUSED);
		FloorChanges changes = this.floor.changesSince(snapshot.version());
		assertThat(changes.version()).isGreaterThan(snapshot.version());
		assertThat(changes.agents()).extracting(AgentFloor::agent).contains(agent).doesNotContain("agent1");
		assertThat(changes.queues()).extracting(QueueFloor::queue).containsExactly(q);
		assertThat(this.floor.changesSince(changes.version()).isEmpty()).isTrue();
	}

	@Test
	void aReconnectMakesTheFloorExactlyWhatQueueStatusReports() throws InterruptedException {
		await(() -> agent("agent2") != null);
		// Events the server reports but its QueueStatus will not: as if they were undone during an outage.
		pbx1.inject(AmiText.pause("support", "agent2", "PJSIP/1002", true, "Meeting"));
		pbx1.inject(AmiText.added("support", "ghost", "PJSIP/1099"));
		pbx1.inject(AmiText.join("support", "PJSIP/trunk-00000200", "1800000200.1", "5550200", 1));
		await(() -> state("agent2") == AgentState.PAUSED && state("ghost") == AgentState.AVAILABLE
				&& queue("support").waiting().size() == 1);
		long reconnects = this.connector.status().servers().get(0).reconnects();

		pbx1.dropConnections();
		await(() -> this.connector.status().servers().get(0).reconnects() > reconnects
				&& state("ghost") == AgentState.LOGGED_OUT);
		assertThat(state("agent2")).isEqualTo(AgentState.AVAILABLE);
		assertThat(queue("support").waiting()).isEmpty();
		assertThat(queue("support").loggedIn()).isEqualTo(3);
		assertThat(state("agent5")).isEqualTo(AgentState.AVAILABLE);
	}

	@Test
	void listenersHearOfEachChange() throws InterruptedException {
		AtomicInteger calls = new AtomicInteger();
		this.floor.addListener(calls::incrementAndGet);
		String agent = "lst" + ids.incrementAndGet();
		pbx2.inject(AmiText.added("l" + ids.get(), agent, "PJSIP/7" + ids.get()));
		await(() -> state(agent) == AgentState.AVAILABLE && calls.get() > 0);
	}

	@Test
	void stretchesLeftOpenByAStoppedServerEndWhenTheirStateWasLastSeen() {
		Instant seen = Instant.parse("2026-03-01T10:15:00Z");
		this.jdbc.sql("insert into agent_state_interval (agent, state, started_at, seen_at) "
				+ "values ('stale', 'AVAILABLE', ?, ?)")
			.params(java.sql.Timestamp.from(seen.minusSeconds(3600)), java.sql.Timestamp.from(seen))
			.update();

		assertThat(this.repository.closeLeftOpen()).isGreaterThanOrEqualTo(1);

		Map<String, Object> row = history("stale").get(0);
		assertThat(((java.sql.Timestamp) row.get("ended_at")).toInstant()).isEqualTo(seen);
	}

	@Test
	void openStretchesAreMarkedSeen() {
		Instant started = Instant.parse("2026-03-02T09:00:00Z");
		this.jdbc.sql("insert into agent_state_interval (agent, state, started_at, seen_at) "
				+ "values ('seen', 'PAUSED', ?, ?)")
			.params(java.sql.Timestamp.from(started), java.sql.Timestamp.from(started))
			.update();

		this.repository.markSeen(started.plusSeconds(60));

		assertThat(this.jdbc.sql("select seen_at from agent_state_interval where agent = 'seen'")
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant()).isEqualTo(started.plusSeconds(60));
	}

	@Test
	void severalChangesOfOneAgentInOneBatchAreWrittenAsClosedStretchesAndAnOpenOne() {
		Instant at = Instant.parse("2026-03-04T08:00:00Z");
		this.repository.write(List.of(new FloorRepository.Transition("batched", AgentState.AVAILABLE, null, at),
				new FloorRepository.Transition("batched", AgentState.PAUSED, "Break", at.plusSeconds(60)),
				new FloorRepository.Transition("other", AgentState.RINGING, null, at.plusSeconds(61)),
				new FloorRepository.Transition("batched", AgentState.LOGGED_OUT, null, at.plusSeconds(90)),
				new FloorRepository.Transition("batched", AgentState.ON_CALL, null, at.plusSeconds(120))));
		this.repository.write(List.of(new FloorRepository.Transition("other", AgentState.AVAILABLE, null,
				at.plusSeconds(70))));

		assertThat(history("batched")).extracting((row) -> row.get("state") + " " + instant(row.get("started_at"))
				+ "-" + instant(row.get("ended_at")))
			.containsExactly("AVAILABLE 2026-03-04T08:00:00Z-2026-03-04T08:01:00Z",
					"PAUSED 2026-03-04T08:01:00Z-2026-03-04T08:01:30Z", "ON_CALL 2026-03-04T08:02:00Z-null");
		assertThat(history("other")).extracting((row) -> row.get("state") + " " + instant(row.get("ended_at")))
			.containsExactly("RINGING 2026-03-04T08:01:10Z", "AVAILABLE null");
	}

	private static Instant instant(Object timestamp) {
		return (timestamp != null) ? ((java.sql.Timestamp) timestamp).toInstant() : null;
	}

	@Test
	void todaysAnsweredCallsAreCountedFromTheDatabaseAtStart() {
		Instant midnight = Instant.parse("2026-03-03T00:00:00Z");
		for (Instant answered : List.of(midnight.minusSeconds(60), midnight.plusSeconds(60),
				midnight.plusSeconds(120))) {
			this.jdbc.sql("insert into call (source, agent, queue, started_at, answered_at) "
					+ "values ('ASTERISK', 'counted', 'support', ?, ?)")
				.params(java.sql.Timestamp.from(answered), java.sql.Timestamp.from(answered))
				.update();
		}
		assertThat(this.repository.answeredSince(midnight)).containsEntry("counted", 2);
	}

	/** After a backlog one batch holds several changes of an agent: each keeps its own time in the history. */
	@Test
	void changesOfOneAgentWithinOneBatchAreEachRecordedAtTheirOwnTime() {
		Instant t0 = Instant.parse("2020-06-01T09:00:00Z");
		TestClock clock = new TestClock(t0.plusSeconds(120));
		FloorTracker tracker = new FloorTracker(this.repository, this.calls, clock, this.properties);
		tracker.onEvent("pbx9", new AsteriskEvent.QueueMemberAdded(t0, "support", "PJSIP/1088", "backlog", 1, false,
				"0", ""));
		for (int[] change : new int[][] { { 10, 6 }, { 30, 2 }, { 90, 1 } }) {
			tracker.onEvent("pbx9", new AsteriskEvent.QueueMemberReported(t0.plusSeconds(change[0]), "support",
					"PJSIP/1088", "backlog", null, change[1], false, 0, "", null));
		}
		tracker.flush();

		assertThat(history("backlog")).extracting((row) -> row.get("state") + " " + instant(row.get("started_at")))
			.containsExactly("AVAILABLE 2020-06-01T09:00:00Z", "RINGING 2020-06-01T09:00:10Z",
					"ON_CALL 2020-06-01T09:00:30Z", "AVAILABLE 2020-06-01T09:01:30Z");
		assertThat(tracker.agent("backlog").orElseThrow().since()).isEqualTo(t0.plusSeconds(90));
		tracker.destroy();
	}

	@Test
	void todaysCallsStartOverAtMidnight() {
		TestClock clock = new TestClock(Instant.parse("2020-05-04T23:59:00Z"));
		FloorTracker tracker = new FloorTracker(this.repository, this.calls, clock, this.properties);
		AsteriskEvent.AgentConnected connect = new AsteriskEvent.AgentConnected(clock.instant(), "1.1", "1.1",
				"PJSIP/trunk-1", "support", "night", "PJSIP/1077", "1.2", 3L, "PJSIP/1077-00000001", "5550100");
		tracker.onEvent("pbx9", new AsteriskEvent.QueueMemberAdded(clock.instant(), "support", "PJSIP/1077", "night",
				1, false, "0", ""));
		tracker.onEvent("pbx9", connect);
		tracker.flush();
		assertThat(tracker.agent("night").orElseThrow().callsToday()).isEqualTo(1);
		long version = tracker.snapshot().version();

		clock.set(Instant.parse("2020-05-05T00:00:30Z"));
		tracker.tick();

		assertThat(tracker.agent("night").orElseThrow().callsToday()).isZero();
		assertThat(tracker.changesSince(version).agents()).extracting(AgentFloor::agent).containsExactly("night");
		tracker.destroy();
	}

	// ---- helpers ----

	private AgentFloor agent(String name) {
		return this.floor.agent(name).orElse(null);
	}

	private AgentState state(String name) {
		AgentFloor agent = agent(name);
		return (agent != null) ? agent.state() : null;
	}

	private QueueFloor queue(String name) {
		return this.floor.snapshot().queues().stream().filter((queue) -> queue.queue().equals(name)).findFirst()
			.orElse(null);
	}

	private void awaitHistory(String agent, String... statesAndReasons) throws InterruptedException {
		List<String> expected = List.of(statesAndReasons);
		await(() -> statesAndReasons(agent).size() >= expected.size());
		assertThat(statesAndReasons(agent)).containsExactlyElementsOf(expected);
	}

	private List<String> statesAndReasons(String agent) {
		return history(agent).stream().map((row) -> row.get("state") + "/" + row.get("pause_reason")).toList();
	}

	private List<Map<String, Object>> history(String agent) {
		return this.jdbc.sql("select state, pause_reason, started_at, ended_at from agent_state_interval "
				+ "where agent = ? order by id")
			.param(agent)
			.query()
			.listOfRows();
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		Await.until(Duration.ofSeconds(10), condition);
	}

}
