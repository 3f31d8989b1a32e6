package io.callqa.telephony.floor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.callqa.simulator.DeviceState;
import io.callqa.simulator.QueueCaller;
import io.callqa.telephony.AgentFloor;
import io.callqa.telephony.AgentState;
import io.callqa.telephony.Await;
import io.callqa.telephony.LiveQueueEntry;

/**
 * The live floor followed from the events the simulator sends as Asterisk 22 does (captured from a real one): a
 * phone's device states, a pause with a reason from the phone, callers joining, abandoning, leaving and being
 * answered, and a pause made while the link was down, found by the resync.
 */
class FloorEventsTests extends SimulatedFloor {

	@Test
	void aPauseFromThePhoneShowsItsReason() throws InterruptedException {
		assertThat(pbx.pauseMember("PJSIP/1005", null, true, "Phone break")).isTrue();
		await(() -> state("agent5") == AgentState.PAUSED);
		assertThat(agent("agent5").pauseReason()).isEqualTo("Phone break");
		assertThat(queue("floor").paused()).isEqualTo(1);

		assertThat(pbx.pauseMember("PJSIP/1005", null, false, null)).isTrue();
		await(() -> state("agent5") == AgentState.AVAILABLE);
		assertThat(agent("agent5").pauseReason()).isNull();
	}

	@Test
	void aPhoneRingsIsAnsweredGoesOfflineAndComesBack() throws InterruptedException {
		pbx.deviceState("PJSIP/1006", DeviceState.RINGING);
		await(() -> state("agent6") == AgentState.RINGING);
		assertThat(queue("floor").ringing()).isEqualTo(1);
		pbx.deviceState("PJSIP/1006", DeviceState.INUSE);
		await(() -> state("agent6") == AgentState.ON_CALL);
		assertThat(queue("floor").onCall()).isEqualTo(1);
		pbx.deviceState("PJSIP/1006", DeviceState.UNAVAILABLE);
		await(() -> state("agent6") == AgentState.UNAVAILABLE);
		assertThat(queue("floor").unavailable()).isEqualTo(1);
		pbx.deviceState("PJSIP/1006", DeviceState.NOT_INUSE);
		await(() -> state("agent6") == AgentState.AVAILABLE);
		assertThat(queue("floor").loggedIn()).isEqualTo(3);
	}

	@Test
	void callersWaitInOrderAndLeaveByAbandoningOrBeingTakenOut() throws InterruptedException {
		QueueCaller first = pbx.callerJoins("floor", "5550301", "First Caller");
		QueueCaller second = pbx.callerJoins("floor", "5550302", "Second Caller");
		await(() -> queue("floor").waiting().size() == 2);
		assertThat(queue("floor").waiting()).extracting((entry) -> entry.callerNumber() + "@" + entry.position())
			.containsExactly("5550301@1", "5550302@2");
		assertThat(queue("floor").longestWaitingSince()).isEqualTo(queue("floor").waiting().get(0).enteredAt());

		pbx.callerAbandons(first);
		await(() -> queue("floor").waiting().size() == 1);
		LiveQueueEntry left = queue("floor").waiting().get(0);
		assertThat(left.callerNumber()).isEqualTo("5550302");
		assertThat(left.position()).isEqualTo(1);

		pbx.callerLeaves(second);
		pbx.hangUp(second, false);
		await(() -> queue("floor").waiting().isEmpty() && queue("floor").longestWaitingSince() == null);
	}

	@Test
	void anAnsweredCallerIsTheAgentsCurrentCallUntilHangup() throws InterruptedException {
		int callsBefore = agent("agent7").callsToday();
		QueueCaller caller = pbx.callerJoins("floor", "5550303", "Answered Caller");
		await(() -> queue("floor").waiting().size() == 1);
		String agentChannel = pbx.answer(caller, "agent7");
		// The phone's channel is up (and in use) a moment before AgentConnect says which queue call it is.
		await(() -> state("agent7") == AgentState.ON_CALL && agent("agent7").call() != null
				&& agent("agent7").call().queue() != null);
		AgentFloor.CurrentCall call = agent("agent7").call();
		assertThat(call.agentChannel()).isEqualTo(agentChannel);
		assertThat(call.queue()).isEqualTo("floor");
		assertThat(call.callerNumber()).isEqualTo("5550303");
		assertThat(agent("agent7").callsToday()).isEqualTo(callsBefore + 1);
		await(() -> queue("floor").waiting().isEmpty() && agent("agent7").call().callId() != null);

		pbx.hangUp(caller, true);
		await(() -> state("agent7") == AgentState.AVAILABLE && agent("agent7").call() == null);
	}

	@Test
	void aPauseMadeWhileTheLinkWasDownIsFoundOnReconnect() throws InterruptedException {
		await(() -> state("agent5") == AgentState.AVAILABLE);
		long reconnects = this.connector.status().servers().get(0).reconnects();
		pbx.dropConnections();
		assertThat(pbx.loggedInClients()).isZero();
		// Nobody is connected to hear it: only the resync's QueueStatus can tell.
		assertThat(pbx.pauseMember("PJSIP/1005", "floor", true, "Offline break")).isTrue();

		Await.until(Duration.ofSeconds(20), () -> this.connector.status().servers().get(0).reconnects() > reconnects
				&& state("agent5") == AgentState.PAUSED);
		assertThat(agent("agent5").pauseReason()).isEqualTo("Offline break");

		assertThat(pbx.pauseMember("PJSIP/1005", "floor", false, null)).isTrue();
		await(() -> state("agent5") == AgentState.AVAILABLE);
	}

}
