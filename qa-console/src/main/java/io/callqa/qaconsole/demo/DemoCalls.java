package io.callqa.qaconsole.demo;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import io.callqa.simulator.CallScript;

/**
 * Invents the demo's calls: mostly answered, some abandoned, timed out, transferred or turned into a callback
 * request, from a small cast of callers and the default queues' agents.
 */
final class DemoCalls {

	private static final List<String[]> CALLERS = List.of(new String[] { "5550101", "Ann Lee" },
			new String[] { "5550102", "Bob Stone" }, new String[] { "5550103", "Cid Moss" },
			new String[] { "5550104", "Dee Park" }, new String[] { "5550105", "Eve Hart" },
			new String[] { "5550106", "Fay Wood" }, new String[] { "5550107", "Gus Reed" });

	private final Random random;

	DemoCalls(long seed) {
		this.random = (seed != 0) ? new Random(seed) : new Random();
	}

	CallScript next() {
		int roll = this.random.nextInt(100);
		CallScript script;
		if (roll < 60) {
			script = CallScript.answered().agents(agent()).ringNoAnswer(this.random.nextInt(3) == 0 ? 1 : 0);
		}
		else if (roll < 72) {
			script = CallScript.abandoned().queue("support");
		}
		else if (roll < 77) {
			script = CallScript.queueTimeout().queue("support");
		}
		else if (roll < 87) {
			script = CallScript.callbackOffer().queue("support");
		}
		else {
			script = CallScript.blindTransfer().agents("agent1").transferTo("agent2")
				.talkAfterTransfer(seconds(8, 15));
		}
		String[] caller = CALLERS.get(this.random.nextInt(CALLERS.size()));
		return script.caller(caller[0], caller[1]).waitFor(seconds(3, 40)).talkFor(seconds(12, 30));
	}

	private String agent() {
		return this.random.nextBoolean() ? "agent1" : "agent2";
	}

	private Duration seconds(int min, int max) {
		return Duration.ofSeconds(min + this.random.nextInt(max - min + 1));
	}

}
