package io.callqa.telephony.floor;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.callqa.TelephonyTestApplication;
import io.callqa.simulator.AmiSimulator;
import io.callqa.simulator.SimulatedQueue;
import io.callqa.simulator.SimulatedQueue.Member;
import io.callqa.telephony.AgentFloor;
import io.callqa.telephony.AgentState;
import io.callqa.telephony.AsteriskConnector;
import io.callqa.telephony.Await;
import io.callqa.telephony.LiveFloor;
import io.callqa.telephony.QueueFloor;
import io.callqa.telephony.SimulatedAsterisk;

/**
 * One simulated Asterisk 22 with PJSIP members (as in the repository's queues.conf), connected to the application
 * through the real Asterisk-Java client; the test classes that extend it share it and the Spring context. Each class
 * acts on agents of its own: agent1..agent4 for the actions, agent5..agent7 (queue {@code floor}) for the events.
 * The simulator lives as long as the JVM: the cached context of the next class still talks to it.
 */
@SpringBootTest(classes = TelephonyTestApplication.class,
		properties = { "callqa.telephony.callbacks.enabled=false",
				"callqa.telephony.floor.interfaces.agent9=PJSIP/1009" })
abstract class SimulatedFloor {

	static final AmiSimulator pbx = SimulatedAsterisk.start()
		.queues(List.of(
				new SimulatedQueue("support", "rrmemory", 10, 2,
						List.of(new Member("agent1", "PJSIP/1001"), new Member("agent2", "PJSIP/1002"))),
				new SimulatedQueue("sales", "ringall", 5, 1,
						List.of(new Member("agent1", "PJSIP/1001"), new Member("agent3", "PJSIP/1003"))),
				new SimulatedQueue("billing", "ringall", 5, 1, List.of(new Member("agent4", "PJSIP/1004"))),
				new SimulatedQueue("floor", "ringall", 5, 1, List.of(new Member("agent5", "PJSIP/1005"),
						new Member("agent6", "PJSIP/1006"), new Member("agent7", "PJSIP/1007")))));

	@Autowired
	LiveFloor floor;

	@Autowired
	AsteriskConnector connector;

	@DynamicPropertySource
	static void asterisk(DynamicPropertyRegistry registry) {
		SimulatedAsterisk.connect(registry, pbx, "pbx1");
	}

	@BeforeEach
	void connected() throws InterruptedException {
		await(() -> this.connector.status().allConnected()
				&& this.connector.status().servers().get(0).lastResyncAt() != null && agent("agent1") != null);
	}

	AgentFloor agent(String name) {
		return this.floor.agent(name).orElse(null);
	}

	AgentState state(String name) {
		AgentFloor agent = agent(name);
		return (agent != null) ? agent.state() : null;
	}

	QueueFloor queue(String name) {
		return this.floor.snapshot().queues().stream().filter((queue) -> queue.queue().equals(name)).findFirst()
			.orElseThrow();
	}

	static void await(BooleanSupplier condition) throws InterruptedException {
		Await.until(Duration.ofSeconds(10), condition);
	}

}
