package io.callqa.qaconsole.demo;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.jspecify.annotations.Nullable;

import io.callqa.simulator.CallScript;
import io.callqa.simulator.Conversation;

/**
 * Invents the demo's calls. First the scripted conversations, one after the other (a model call, a rude agent, dead
 * air, a kept and a broken callback promise, a complaint, a cancellation, a mystery shopper), so a newcomer sees what
 * automatic scoring and promises make of them within minutes; then a mix: mostly the conversations again, some calls
 * abandoned, timed out, transferred or turned into a callback request, from callers of their own (so that no
 * callback of theirs keeps the broken promise).
 */
final class DemoCalls {

	/** The mystery shopper's test number. */
	static final String MYSTERY_SHOPPER = "5550199";

	/** After the kept promise's call ends, how long (demo time) until the agent calls the customer back. */
	static final Duration CALLBACK_AFTER = Duration.ofSeconds(60);

	/** Each conversation with its agent and caller; the kept promise also with the agent's call back. */
	private static final List<Scripted> CONVERSATIONS = List.of(
			new Scripted("model", "agent1", "5550101", "Ann Lee", null),
			new Scripted("rude", "agent2", "5550102", "Bob Stone", null),
			new Scripted("dead-air", "agent1", "5550103", "Cid Moss", null),
			new Scripted("promise-kept", "agent1", "5550104", "Dee Park", "promise-kept-callback"),
			new Scripted("promise-broken", "agent2", "5550105", "Eve Hart", null),
			new Scripted("complaint", "agent2", "5550106", "Fay Wood", null),
			new Scripted("cancellation", "agent1", "5550107", "Gus Reed", null),
			new Scripted("mystery-shopper", "agent2", MYSTERY_SHOPPER, "Mystery Shopper", null));

	private static final List<String[]> CALLERS = List.of(new String[] { "5550111", "Hal Ford" },
			new String[] { "5550112", "Ida Cole" }, new String[] { "5550113", "Jon Hale" },
			new String[] { "5550114", "Kay Lund" }, new String[] { "5550115", "Lou Mars" });

	private final Random random;

	private int played;

	DemoCalls(long seed) {
		this.random = (seed != 0) ? new Random(seed) : new Random();
	}

	/** A call to play, and the agent's outbound call that follows it (the kept promise), if any. */
	record DemoCall(CallScript script, @Nullable FollowUp followUp) {
	}

	/** {@code agent} calls {@code number} back, {@link #CALLBACK_AFTER} after the call ended. */
	record FollowUp(String agent, String number, Conversation conversation) {
	}

	DemoCall next() {
		int index = this.played++;
		if (index < CONVERSATIONS.size() || this.random.nextInt(100) < 60) {
			return CONVERSATIONS.get(index % CONVERSATIONS.size()).call(seconds(3, 20));
		}
		int roll = this.random.nextInt(100);
		CallScript script;
		if (roll < 30) {
			script = CallScript.abandoned().queue("support");
		}
		else if (roll < 45) {
			script = CallScript.queueTimeout().queue("support");
		}
		else if (roll < 70) {
			script = CallScript.callbackOffer().queue("support");
		}
		else {
			script = CallScript.blindTransfer().agents("agent1").transferTo("agent2")
				.talkAfterTransfer(seconds(8, 15));
		}
		String[] caller = CALLERS.get(this.random.nextInt(CALLERS.size()));
		return new DemoCall(script.caller(caller[0], caller[1]).waitFor(seconds(3, 40)).talkFor(seconds(12, 30)),
				null);
	}

	private Duration seconds(int min, int max) {
		return Duration.ofSeconds(min + this.random.nextInt(max - min + 1));
	}

	private record Scripted(String conversation, String agent, String number, String name,
			@Nullable String callBack) {

		DemoCall call(Duration wait) {
			CallScript script = CallScript.answered().agents(this.agent).caller(this.number, this.name)
				.waitFor(wait).conversation(Conversation.load(this.conversation));
			FollowUp followUp = (this.callBack != null)
					? new FollowUp(this.agent, this.number, Conversation.load(this.callBack)) : null;
			return new DemoCall(script, followUp);
		}

	}

}
