package io.callqa.telephony.callbacks;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import io.callqa.telephony.asteriskconf.ConfFile;
import io.callqa.telephony.asteriskconf.Dialplan;
import io.callqa.telephony.asteriskconf.Sounds;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's dialplan ({@code telephony/asterisk/extensions.conf}) has what the callback engine's defaults and
 * the callback-offer script rely on: contexts, variables, script name, prompts.
 */
class CallbackDialplanTests {

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}");

	private final Dialplan dialplan = Dialplan.load();

	private final CallbackProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
		.bindOrCreate("callqa.telephony.callbacks", CallbackProperties.class);

	private final ConfFile queues = ConfFile.load("queues.conf");

	@Test
	void theEnginesAgentChannelRingsEveryMembersDevice() {
		List<String> members = this.queues.sections()
			.stream()
			.flatMap((section) -> section.values("member").stream())
			.map((member) -> member.split(",")[2].strip())
			.toList();
		assertThat(members).isNotEmpty();
		for (String member : members) {
			String channel = this.defaults.forQueue("support").agentChannelFor(member);
			assertThat(channel).as("the engine's default agent-channel is a Local channel").startsWith("Local/");
			String target = channel.substring("Local/".length()).replaceFirst("/n$", "");
			String exten = target.substring(0, target.indexOf('@'));
			String context = target.substring(target.indexOf('@') + 1);
			assertThat(this.dialplan.extension(context, exten))
				.as("%s: [%s] must have extension %s (contexts: %s)", channel, context, exten,
						this.dialplan.contextNames())
				.isPresent();
		}
	}

	@Test
	void theEnginesContextCallsAndRecordsTheCustomer() {
		String context = this.defaults.forQueue("support").context();
		for (String number : List.of("015112345678", "+4930123456", "2025550123")) {
			List<Dialplan.Step> steps = this.dialplan.extension(context, number)
				.orElseThrow(() -> new AssertionError("[" + context + "] does not match customer number " + number));
			assertThat(steps).extracting(Dialplan.Step::application).containsSubsequence("MixMonitor", "Dial");
		}
	}

	@Test
	void pressing1RunsTheOfferScriptAndItsOutcomeIsRead() {
		Set<String> exits = new TreeSet<>();
		this.queues.sections().forEach((section) -> section.value("context").ifPresent(exits::add));
		assertThat(exits).isNotEmpty();
		for (String exit : exits) {
			List<Dialplan.Step> steps = this.dialplan.extension(exit, "1").orElseThrow();
			Dialplan.Step agi = steps.stream().filter((step) -> step.application().equals("AGI")).findFirst().orElseThrow();
			assertThat(this.dialplan.expandGlobals(agi.arguments().get(0)))
				.matches("agi://[^/]+/" + CallbackOfferScript.NAME + "(\\?.*)?");
			assertThat(steps).as("[%s] 1 reads ${%s} to leave or go back to the queue", exit,
					CallbackOfferScript.OFFER_VARIABLE)
				.anyMatch((step) -> step.data()
					.contains("${" + CallbackOfferScript.OFFER_VARIABLE + "}\"=\"" + CallbackOfferScript.ACCEPTED + "\""));
		}
	}

	/** The script computes the wait from QUEUE_ENTERED, set to ${EPOCH} right before Queue(), kept on re-entry. */
	@Test
	void theQueueEntryTimeIsStoredBeforeQueue() {
		Dialplan.Step queue = this.dialplan.calls("Queue").get(0);
		List<Dialplan.Step> context = this.dialplan.steps(queue.context());
		int queueAt = context.indexOf(queue);
		Dialplan.Step before = context.get(queueAt - 1);
		assertThat(before.application()).isEqualTo("Set");
		assertThat(before.data()).startsWith(CallbackOfferScript.ENTERED_VARIABLE + "=").contains("${EPOCH}");
		// Going back to the queue after a declined offer re-enters at that step, so the wait keeps counting.
		assertThat(before.label()).isNotNull();
		assertThat(this.dialplan.calls("Goto"))
			.anyMatch((step) -> step.data().equals(queue.context() + "," + queue.exten() + "," + before.label()));
	}

	@Test
	void theOffersPromptsAreShipped() throws Exception {
		for (String prompt : List.of(CallbackOfferScript.OFFER_PROMPT, CallbackOfferScript.INVALID_PROMPT,
				CallbackOfferScript.CONFIRMED_PROMPT, CallbackOfferScript.CONFIRMED_LATER_PROMPT,
				CallbackOfferScript.MINUTES_PROMPT)) {
			Sounds.assertPlayable(prompt);
		}
	}

	/** CALLQA_* channel variables belong to the code (set by the Originate or the offer script), or are globals. */
	@Test
	void theDialplanReadsOnlyCallqaVariablesTheCodeSets() {
		Set<String> codeSets = Set.of(CallbackEngine.ATTEMPT_VARIABLE, CallbackEngine.REQUEST_VARIABLE,
				CallbackEngine.AGENT_VARIABLE, CallbackEngine.QUEUE_VARIABLE, CallbackOfferScript.REQUESTED_VARIABLE);
		for (Dialplan.Step step : this.dialplan.allSteps()) {
			Matcher matcher = VARIABLE.matcher(step.data());
			while (matcher.find()) {
				String name = matcher.group(1);
				if (name.startsWith("CALLQA_")) {
					assertThat(codeSets.contains(name) || this.dialplan.globals().containsKey(name))
						.as("%s: ${%s} is neither set by callqa nor a global", step.where(), name)
						.isTrue();
				}
			}
			if (step.application().equals("Set")) {
				String name = step.data().substring(0, Math.max(0, step.data().indexOf('='))).replaceFirst("^_+", "");
				assertThat(codeSets).as("%s: callqa sets %s itself", step.where(), name).doesNotContain(name);
			}
		}
		// The callback context logs what the engine's Originate sets, so a call's attempt is visible in the CLI.
		Dialplan.Step first = this.dialplan.steps(this.defaults.forQueue("support").context()).get(0);
		assertThat(Arrays.asList(CallbackEngine.ATTEMPT_VARIABLE, CallbackEngine.REQUEST_VARIABLE))
			.allMatch((name) -> first.data().contains("${" + name + "}"));
	}

}
