package io.callqa.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.callqa.telephony.asteriskconf.Dialplan;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's scenarios play the repository's dialplan ({@code telephony/asterisk/extensions.conf}): every step
 * they report in one of its contexts is a step of that context, with arguments of the same shape (context names, AGI
 * URLs, Queue options, recording file names). Only the lab's stand-ins for phones (Local channels) are its own.
 */
class SimulatorDialplanTests {

	private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

	/** The lab's phones: customers, agents and a supervisor as Local channels, not part of a site's dialplan. */
	private static final Set<String> LAB_CONTEXTS = Set.of("customer", "agents", "agents-noanswer", "customer-callee",
			"supervisor");

	/** What a Dial() dials is the site's (PJSIP devices, provider); the lab dials Local channels instead. */
	private static final Set<String> SITE_DEVICES = Set.of("Dial");

	private final Dialplan dialplan = Dialplan.load();

	private final SimulatorIds ids = new SimulatorIds(T0.getEpochSecond());

	@Test
	void scenariosRunTheRepositorysDialplan() {
		SimulatedQueue support = SimulatedQueue.defaults().get(0);
		List<RenderedCall> calls = List.of(
				InboundCall.render(CallScript.answered().recordingPrefix("support"), support, this.ids, "/rec", T0),
				InboundCall.render(CallScript.callbackOffer().recordingPrefix("support"), support, this.ids, "/rec", T0),
				InboundCall.render(CallScript.queueTimeout().recordingPrefix("support"), support, this.ids, "/rec", T0),
				CallbackCall.render(new ReceivedOriginate("cb-1", "Local/agent1@agents-callback", "callback-out",
						"5550199", 1, "", Duration.ofSeconds(30), Map.of("CALLQA_ATTEMPT", "7", "CALLQA_REQUEST", "3",
								"CALLQA_AGENT", "agent1", "CALLQA_QUEUE", "support")),
						OriginateOutcome.answered(), this.ids, "/rec", T0));
		Set<String> visited = new TreeSet<>();
		for (RenderedCall call : calls) {
			for (AmiEvent event : call.scenario().events()) {
				String context = event.value("Context");
				if (context == null || LAB_CONTEXTS.contains(context)) {
					continue;
				}
				String exten = event.value("Exten");
				List<Dialplan.Step> steps = this.dialplan.extension(context, String.valueOf(exten))
					.orElseThrow(() -> new AssertionError(event.type() + " in " + context + "," + exten
							+ ": not in extensions.conf " + this.dialplan.contextNames()));
				visited.add(context);
				if (event.type().equals("Newexten")) {
					String application = event.value("Application");
					String data = String.valueOf(event.value("AppData"));
					assertThat(steps)
						.as("%s,%s: %s(%s) is not a step of extensions.conf", context, exten, application, data)
						.anyMatch((step) -> step.application().equals(application)
								&& (SITE_DEVICES.contains(application)
										|| shape(agiAddressExpanded(step)).matcher(data).matches()));
				}
			}
		}
		assertThat(visited).contains("inbound", "queue-exit-support", "callqa-record-parties", "agents-callback",
				"callback-out");
	}

	/** The FastAGI address is the lab's (a global); the recording directory is whatever the simulator writes to. */
	private String agiAddressExpanded(Dialplan.Step step) {
		return step.application().equals("AGI") ? this.dialplan.expandGlobals(step.data()) : step.data();
	}

	/** The step's arguments as a pattern: variables and expressions stand for anything, the rest is literal. */
	static Pattern shape(String data) {
		StringBuilder regex = new StringBuilder();
		int i = 0;
		while (i < data.length()) {
			if (data.startsWith("${", i) || data.startsWith("$[", i)) {
				int depth = 0;
				int j = i + 1;
				do {
					char c = data.charAt(j);
					depth += (c == '{' || c == '[') ? 1 : (c == '}' || c == ']') ? -1 : 0;
					j++;
				}
				while (depth > 0);
				regex.append(".*");
				i = j;
			}
			else {
				regex.append(Pattern.quote(String.valueOf(data.charAt(i))));
				i++;
			}
		}
		return Pattern.compile(regex.toString());
	}

}
