package io.callqa.telephony.calls;

import java.util.ArrayList;
import java.util.List;

import io.callqa.simulator.AmiEvent;
import io.callqa.simulator.Scenario;

/**
 * Real traces reordered the way a busy Asterisk delivers them, shared by the lifecycle's unit and integration tests.
 */
final class Traces {

	private Traces() {
	}

	/** The caller's legs hang up first; the AgentConnect and bridge events come after the end. */
	static Scenario agentConnectAfterHangup(Scenario trace) {
		List<AmiEvent> events = new ArrayList<>(trace.events());
		List<AmiEvent> late = events.stream()
			.filter((event) -> event.type().equals("AgentConnect") || event.type().startsWith("Bridge"))
			.toList();
		events.removeAll(late);
		events.addAll(late);
		return new Scenario(trace.name(), events);
	}

}
