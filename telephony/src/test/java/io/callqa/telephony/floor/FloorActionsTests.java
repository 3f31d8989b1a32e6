package io.callqa.telephony.floor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.callqa.simulator.QueueCaller;
import io.callqa.simulator.ReceivedOriginate;
import io.callqa.simulator.SpyChannel;
import io.callqa.telephony.AgentState;
import io.callqa.telephony.FloorActionException;
import io.callqa.telephony.FloorActionException.Reason;
import io.callqa.telephony.FloorActions;
import io.callqa.telephony.Spy;
import io.callqa.telephony.SpyMode;

/**
 * The supervisor's actions through the real Asterisk-Java client to the simulator, and back as Asterisk's events:
 * QueuePause with a reason, QueueAdd, QueueRemove, and an Originate of the supervisor's phone into ChanSpy on the
 * agent's own channel, listed until the supervisor hangs up or the call ends.
 */
class FloorActionsTests extends SimulatedFloor {

	@Autowired
	private FloorActions actions;

	@Test
	void pauseWithAReasonInEveryQueueThenUnpause() throws Exception {
		done(this.actions.pause("agent1", null, "Lunch"));
		await(() -> state("agent1") == AgentState.PAUSED);
		assertThat(agent("agent1").pauseReason()).isEqualTo("Lunch");
		assertThat(queue("support").paused()).isEqualTo(1);
		assertThat(queue("sales").paused()).isEqualTo(1);

		done(this.actions.unpause("agent1", null));
		await(() -> state("agent1") == AgentState.AVAILABLE);
		assertThat(agent("agent1").pauseReason()).isNull();
	}

	@Test
	void pauseInOneQueueLeavesTheAgentAvailableForTheOther() throws Exception {
		done(this.actions.pause("agent1", "sales", "Coaching"));
		await(() -> queue("sales").paused() == 1);
		assertThat(state("agent1")).isEqualTo(AgentState.AVAILABLE);
		assertThat(queue("support").paused()).isZero();
		done(this.actions.unpause("agent1", "sales"));
		await(() -> queue("sales").paused() == 0);
	}

	@Test
	void pausingWhoIsNotThereIsRefusedClearly() {
		assertThat(failure(this.actions.pause("nobody", null, "Break"))).isEqualTo(Reason.UNKNOWN_AGENT);
		assertThat(failure(this.actions.pause("agent2", "sales", "Break"))).isEqualTo(Reason.NOT_A_MEMBER);
	}

	@Test
	void logAnAgentIntoAQueueAndOutAgain() throws Exception {
		done(this.actions.addMember("billing", "agent2"));
		await(() -> agent("agent2").queues().equals(List.of("billing", "support")));
		assertThat(queue("billing").loggedIn()).isEqualTo(2);
		assertThat(failure(this.actions.addMember("billing", "agent2"))).isEqualTo(Reason.ALREADY_A_MEMBER);

		done(this.actions.removeMember("billing", "agent2"));
		await(() -> agent("agent2").queues().equals(List.of("support")));
		assertThat(failure(this.actions.removeMember("billing", "agent2"))).isEqualTo(Reason.NOT_A_MEMBER);
	}

	@Test
	void anAgentAsteriskDoesNotKnowYetIsAddedWithTheConfiguredInterface() throws Exception {
		assertThat(failure(this.actions.addMember("billing", "agent8"))).isEqualTo(Reason.NO_INTERFACE);
		assertThat(failure(this.actions.addMember("nosuchqueue", "agent1"))).isEqualTo(Reason.REFUSED);

		done(this.actions.addMember("billing", "agent9"));
		await(() -> state("agent9") == AgentState.AVAILABLE);
		done(this.actions.removeMember("billing", "agent9"));
		await(() -> state("agent9") == AgentState.LOGGED_OUT);
	}

	@Test
	void whisperRingsTheSupervisorsPhoneIntoChanSpyOnTheAgentsOwnChannelUntilTheyHangUp() throws Exception {
		QueueCaller caller = pbx.callerJoins("support", "5550142", "Coach Me");
		String agentChannel = pbx.answer(caller, "agent2");
		await(() -> agent("agent2").call() != null && agentChannel.equals(agent("agent2").call().agentChannel()));

		Spy spy = done(this.actions.spy("sup1", "PJSIP/2001", "agent2", SpyMode.WHISPER));
		assertThat(spy.agentChannel()).isEqualTo(agentChannel);
		assertThat(spy.server()).isEqualTo("pbx1");
		ReceivedOriginate originate = pbx.originates().get(pbx.originates().size() - 1);
		assertThat(originate.channel()).isEqualTo("PJSIP/2001");
		assertThat(originate.application()).isEqualTo("ChanSpy");
		assertThat(originate.data()).isEqualTo(agentChannel + ",qEw");
		assertThat(originate.callerId()).contains("Whisper: agent2");

		await(() -> this.actions.spies().size() == 1 && this.actions.spies().get(0).channel() != null);
		Spy listed = this.actions.spies().get(0);
		assertThat(listed.supervisor()).isEqualTo("sup1");
		assertThat(listed.mode()).isEqualTo(SpyMode.WHISPER);
		assertThat(this.floor.snapshot().spies()).containsExactly(listed);
		SpyChannel channel = pbx.spies().get(0);
		assertThat(listed.channel()).isEqualTo(channel.channel());

		assertThat(pbx.hangUpSpy(channel.channel())).isTrue();
		await(() -> this.actions.spies().isEmpty());
		pbx.hangUp(caller, false);
		await(() -> state("agent2") == AgentState.AVAILABLE);
	}

	@Test
	void aSpyEndsWithTheAgentsCall() throws Exception {
		QueueCaller caller = pbx.callerJoins("sales", "5550143", "Short Call");
		String agentChannel = pbx.answer(caller, "agent3");
		await(() -> agent("agent3").call() != null);
		done(this.actions.spy("sup1", "PJSIP/2001", "agent3", SpyMode.LISTEN));
		assertThat(pbx.originates().get(pbx.originates().size() - 1).data()).isEqualTo(agentChannel + ",qE");
		await(() -> this.actions.spies().size() == 1);

		pbx.hangUp(caller, false);
		await(() -> this.actions.spies().isEmpty() && state("agent3") == AgentState.AVAILABLE);
	}

	@Test
	void noSpyOnAnAgentWhoIsNotOnACall() {
		assertThat(failure(this.actions.spy("sup1", "PJSIP/2001", "agent4", SpyMode.BARGE)))
			.isEqualTo(Reason.NO_LIVE_CALL);
		assertThat(failure(this.actions.spy("sup1", "PJSIP/2001", "nobody", SpyMode.BARGE)))
			.isEqualTo(Reason.UNKNOWN_AGENT);
		assertThat(this.actions.spies()).isEmpty();
	}

	// ---- helpers ----

	private static <T> T done(CompletableFuture<T> future) throws Exception {
		return future.get(10, TimeUnit.SECONDS);
	}

	private static Reason failure(CompletableFuture<?> future) {
		Throwable[] seen = new Throwable[1];
		assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
			.satisfies((ex) -> seen[0] = ex.getCause());
		assertThat(seen[0]).isInstanceOf(FloorActionException.class);
		return ((FloorActionException) seen[0]).reason();
	}

}
