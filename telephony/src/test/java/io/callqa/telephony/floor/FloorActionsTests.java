package io.callqa.telephony.floor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.OriginateAction;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.callqa.simulator.QueueCaller;
import io.callqa.simulator.ReceivedAction;
import io.callqa.simulator.ReceivedOriginate;
import io.callqa.simulator.SpyChannel;
import io.callqa.telephony.AgentState;
import io.callqa.telephony.FloorActionException;
import io.callqa.telephony.FloorActionException.Reason;
import io.callqa.telephony.Await;
import io.callqa.telephony.FloorActions;
import io.callqa.telephony.SimulatedAsterisk;
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
		ReceivedAction pause = last("QueuePause");
		assertThat(pause.header("Interface")).isEqualTo("PJSIP/1001");
		assertThat(pause.header("Paused")).isEqualTo("true");
		assertThat(pause.header("Reason")).isEqualTo("Lunch");
		assertThat(pause.header("Queue")).isNull();
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
		assertThat(last("QueuePause").header("Queue")).isEqualTo("sales");
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
		ReceivedAction add = last("QueueAdd");
		assertThat(add.header("Queue")).isEqualTo("billing");
		assertThat(add.header("Interface")).isEqualTo("PJSIP/1002");
		assertThat(add.header("MemberName")).isEqualTo("agent2");
		await(() -> agent("agent2").queues().equals(List.of("billing", "support")));
		assertThat(queue("billing").loggedIn()).isEqualTo(2);
		assertThat(failure(this.actions.addMember("billing", "agent2"))).isEqualTo(Reason.ALREADY_A_MEMBER);

		done(this.actions.removeMember("billing", "agent2"));
		assertThat(last("QueueRemove").header("Interface")).isEqualTo("PJSIP/1002");
		await(() -> agent("agent2").queues().equals(List.of("support")));
		assertThat(failure(this.actions.removeMember("billing", "agent2"))).isEqualTo(Reason.NOT_A_MEMBER);
	}

	@Test
	void anAgentAsteriskDoesNotKnowYetIsAddedWithTheConfiguredInterface() throws Exception {
		assertThat(failure(this.actions.addMember("billing", "agent8"))).isEqualTo(Reason.NO_INTERFACE);
		assertThat(failure(this.actions.addMember("nosuchqueue", "agent1"))).isEqualTo(Reason.REFUSED);

		done(this.actions.addMember("billing", "agent9"));
		assertThat(last("QueueAdd").header("Interface")).isEqualTo("PJSIP/1009");
		await(() -> state("agent9") == AgentState.AVAILABLE);
		done(this.actions.removeMember("billing", "agent9"));
		await(() -> state("agent9") == AgentState.LOGGED_OUT);
	}

	@Test
	void whisperRingsTheSupervisorsPhoneIntoChanSpyOnTheAgentsOwnChannelUntilTheyHangUp() throws Exception {
		QueueCaller caller = pbx.callerJoins("support", "5550142", "Coach Me");
		String agentChannel = pbx.answer(caller, "agent2");
		await(() -> agent("agent2").call() != null && agentChannel.equals(agent("agent2").call().agentChannel()));

		int originatesBefore = pbx.originates().size();
		Spy spy = done(this.actions.spy("sup1", "PJSIP/2001", "agent2", SpyMode.WHISPER));
		assertThat(spy.agentChannel()).isEqualTo(agentChannel);
		assertThat(spy.server()).isEqualTo("pbx1");
		await(() -> pbx.originates().size() > originatesBefore);
		ReceivedOriginate originate = pbx.originates().get(pbx.originates().size() - 1);
		assertThat(originate.channel()).isEqualTo("PJSIP/2001");
		assertThat(originate.application()).isEqualTo("ChanSpy");
		assertThat(originate.data()).isEqualTo(agentChannel + ",qEwu");
		assertThat(originate.callerId()).contains("Whisper: agent2");

		await(() -> spiesOn("agent2").size() == 1 && spiesOn("agent2").get(0).channel() != null);
		Spy listed = spiesOn("agent2").get(0);
		assertThat(listed.supervisor()).isEqualTo("sup1");
		assertThat(listed.mode()).isEqualTo(SpyMode.WHISPER);
		assertThat(this.floor.snapshot().spies()).contains(listed);
		SpyChannel channel = pbx.spies().stream().filter((c) -> c.spiedChannel().equals(agentChannel)).findFirst()
			.orElseThrow();
		assertThat(listed.channel()).isEqualTo(channel.channel());

		assertThat(pbx.hangUpSpy(channel.channel())).isTrue();
		await(() -> spiesOn("agent2").isEmpty());
		pbx.hangUp(caller, false);
		await(() -> state("agent2") == AgentState.AVAILABLE);
	}

	@Test
	void aSpyEndsWithTheAgentsCall() throws Exception {
		QueueCaller caller = pbx.callerJoins("sales", "5550143", "Short Call");
		String agentChannel = pbx.answer(caller, "agent3");
		await(() -> agent("agent3").call() != null);
		int originatesBefore = pbx.originates().size();
		done(this.actions.spy("sup1", "PJSIP/2001", "agent3", SpyMode.LISTEN));
		await(() -> pbx.originates().size() > originatesBefore);
		assertThat(pbx.originates().get(pbx.originates().size() - 1).data()).isEqualTo(agentChannel + ",qEu");
		await(() -> spiesOn("agent3").size() == 1);

		pbx.hangUp(caller, false);
		await(() -> spiesOn("agent3").isEmpty() && state("agent3") == AgentState.AVAILABLE);
	}

	@Test
	void aSpyStartedBeforeARestartIsFoundByTheResyncUnderTheSupervisorsPhone() throws Exception {
		QueueCaller caller = pbx.callerJoins("billing", "5550144", "Long Call");
		String agentChannel = pbx.answer(caller, "agent4");
		await(() -> agent("agent4").call() != null);
		// Another client (as callqa before its restart) starts a barge: the floor never saw its Originate.
		ManagerConnection other = new ManagerConnectionFactory("127.0.0.1", pbx.port(), SimulatedAsterisk.USER,
				SimulatedAsterisk.SECRET).createManagerConnection();
		other.login();
		try {
			OriginateAction barge = new OriginateAction();
			barge.setChannel("PJSIP/2002");
			barge.setApplication("ChanSpy");
			barge.setData(agentChannel + ",qEBu");
			barge.setAsync(true);
			barge.setTimeout(30_000L);
			other.sendAction(barge, 5_000);
			await(() -> pbx.spies().stream().anyMatch((spy) -> spy.spiedChannel().equals(agentChannel)));
		}
		finally {
			other.logoff();
		}
		assertThat(spiesOn("agent4")).isEmpty();
		long reconnects = this.connector.status().servers().get(0).reconnects();

		pbx.dropConnections();
		Await.until(Duration.ofSeconds(20), () -> this.connector.status().servers().get(0).reconnects() > reconnects
				&& spiesOn("agent4").size() == 1);
		Spy found = spiesOn("agent4").get(0);
		SpyChannel channel = pbx.spies().stream().filter((spy) -> spy.spiedChannel().equals(agentChannel))
			.findFirst().orElseThrow();
		assertThat(found.mode()).isEqualTo(SpyMode.BARGE);
		assertThat(found.phone()).isEqualTo("PJSIP/2002");
		assertThat(found.supervisor()).isEqualTo("PJSIP/2002");
		assertThat(found.agentChannel()).isEqualTo(agentChannel);
		assertThat(found.channel()).isEqualTo(channel.channel());

		pbx.hangUpSpy(channel.channel());
		await(() -> spiesOn("agent4").isEmpty());
		pbx.hangUp(caller, false);
		await(() -> state("agent4") == AgentState.AVAILABLE);
	}

	@Test
	void noSpyOnAnAgentWhoIsNotOnACall() {
		assertThat(failure(this.actions.spy("sup1", "PJSIP/2001", "agent4", SpyMode.BARGE)))
			.isEqualTo(Reason.NO_LIVE_CALL);
		assertThat(failure(this.actions.spy("sup1", "PJSIP/2001", "nobody", SpyMode.BARGE)))
			.isEqualTo(Reason.UNKNOWN_AGENT);
		assertThat(spiesOn("agent4")).isEmpty();
	}

	// ---- helpers ----

	/** The last action of that name the simulator received (it has answered it: the future completed). */
	private static ReceivedAction last(String name) {
		List<ReceivedAction> received = pbx.actions().stream().filter((action) -> action.is(name)).toList();
		assertThat(received).isNotEmpty();
		return received.get(received.size() - 1);
	}

	private List<Spy> spiesOn(String agent) {
		return this.actions.spies().stream().filter((spy) -> spy.agent().equals(agent)).toList();
	}

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
