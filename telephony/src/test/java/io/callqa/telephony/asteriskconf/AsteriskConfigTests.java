package io.callqa.telephony.asteriskconf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;


import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;

import io.callqa.telephony.agi.FastAgiScript;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's Asterisk configuration ({@code telephony/asterisk/}) is complete and consistent, and asks of
 * Asterisk only what Asterisk 22 does. Feature packages check the names their code uses (callbacks, survey,
 * recordings, simulator).
 */
class AsteriskConfigTests {

	/**
	 * The actions callqa sends, with the manager classes that allow each (Asterisk 22.10.1's {@code manager show
	 * command <action>}, "Privilege"; none: empty). An Originate into ChanSpy (the floor's listen / whisper / barge)
	 * needs only originate: see {@link LiveFloorAsteriskConfigTests}.
	 */
	private static final Map<String, Set<String>> ACTION_AUTHORITY = Map.ofEntries(
			Map.entry("Originate", Set.of("originate")), Map.entry("MixMonitor", Set.of("system")),
			Map.entry("CoreShowChannels", Set.of("system", "reporting")),
			Map.entry("CoreSettings", Set.of("system", "reporting")), Map.entry("QueueStatus", Set.of()),
			Map.entry("QueueSummary", Set.of()), Map.entry("Ping", Set.of()),
			// the live floor: pause / unpause, log in to / out of a queue ("Permission denied" without agent)
			Map.entry("QueuePause", Set.of("agent")), Map.entry("QueueAdd", Set.of("agent")),
			Map.entry("QueueRemove", Set.of("agent")));

	private static final Pattern AGI_URL = Pattern.compile("agi://[^/:]+(?::\\d+)?/([\\w-]+)(?:\\?.*)?");

	private final Dialplan dialplan = Dialplan.load();

	private final ConfFile queues = ConfFile.load("queues.conf");

	@Test
	void everyQueueLeavesToAContextTheDialplanDefinesAndPressing1OffersTheCallback() {
		List<ConfFile.Section> defined = queueSections();
		assertThat(defined).isNotEmpty();
		for (ConfFile.Section queue : defined) {
			String context = queue.value("context").orElseThrow(() -> new AssertionError(
					"queues.conf [" + queue.name() + "] has no context: callers cannot press 1 for a callback"));
			assertThat(this.dialplan.hasContext(context))
				.as("queues.conf [%s] context=%s must be a context of extensions.conf %s", queue.name(), context,
						this.dialplan.contextNames())
				.isTrue();
			List<Dialplan.Step> one = this.dialplan.extension(context, "1")
				.orElseThrow(() -> new AssertionError("[" + context + "] has no extension 1"));
			assertThat(one).extracting(Dialplan.Step::application).contains("AGI");
		}
	}

	@Test
	void queuesSetTheVariablesTheScriptsReadAndStartThePerPartyRecordingOnTheAgentsChannel() {
		for (ConfFile.Section queue : queueSections()) {
			// QUEUENAME (survey, callback offer) and MEMBERNAME (survey) come only with these.
			assertThat(queue.value("setqueuevar")).as("[%s] setqueuevar", queue.name()).hasValue("yes");
			assertThat(queue.value("setinterfacevar")).as("[%s] setinterfacevar", queue.name()).hasValue("yes");
			String gosub = queue.value("membergosub").orElseThrow();
			assertThat(this.dialplan.extension(gosub, "s")).as("membergosub %s needs extension s", gosub).isPresent();
			assertThat(this.dialplan.steps(gosub)).extracting(Dialplan.Step::application).contains("Return");
		}
	}

	@Test
	void everyMemberHasAnAgentsCallbackExtensionDiallingItsDevice() {
		for (ConfFile.Section queue : queueSections()) {
			for (String member : queue.values("member")) {
				List<String> fields = Arrays.stream(member.split(",")).map(String::strip).toList();
				assertThat(fields).as("member => interface,penalty,membername: %s", member).hasSizeGreaterThan(2);
				String device = fields.get(0);
				String name = fields.get(2);
				List<Dialplan.Step> steps = this.dialplan.extension("agents-callback", name)
					.orElseThrow(() -> new AssertionError("[agents-callback] has no extension " + name
							+ ": a callback for " + name + " cannot ring the agent"));
				Dialplan.Step dial = steps.stream()
					.filter((step) -> step.application().equals("Dial"))
					.findFirst()
					.orElseThrow(() -> new AssertionError("[agents-callback] " + name + " dials nothing"));
				assertThat(dial.arguments().get(0)).as("%s: the member's device, as in queues.conf", dial.where())
					.isEqualTo(device);
			}
		}
	}

	@Test
	void everyGotoLandsOnAnExistingStep() {
		for (Dialplan.Step step : this.dialplan.allSteps()) {
			List<String> targets = new ArrayList<>();
			if (step.application().equals("Goto")) {
				targets.add(step.data());
			}
			else if (step.application().equals("GotoIf")) {
				String branches = step.data().substring(step.data().lastIndexOf('?') + 1);
				Arrays.stream(branches.split(":")).filter((target) -> !target.isBlank()).forEach(targets::add);
			}
			for (String target : targets) {
				assertThat(resolves(step, Dialplan.arguments(target))).as("%s: target %s", step.where(), target)
					.isTrue();
			}
		}
	}

	private boolean resolves(Dialplan.Step from, List<String> target) {
		String context = (target.size() == 3) ? target.get(0) : from.context();
		String exten = (target.size() >= 2) ? target.get(target.size() - 2) : from.exten();
		String priority = target.get(target.size() - 1);
		return this.dialplan.extension(context, exten)
			.map((steps) -> priority.equals("1") || steps.stream().anyMatch((step) -> priority.equals(step.label())))
			.orElse(false);
	}

	@Test
	void recordingsGoToTheGlobalRecordingDirectory() {
		String recdir = this.dialplan.globals().get("RECDIR");
		assertThat(recdir).as("RECDIR in [globals], so every context records into it").startsWith("/");
		for (Dialplan.Step step : this.dialplan.calls("Set")) {
			assertThat(step.data()).as("%s: RECDIR is a global, not set per context", step.where())
				.doesNotStartWith("RECDIR=");
		}
		List<Dialplan.Step> recordings = this.dialplan.calls("MixMonitor");
		assertThat(recordings).isNotEmpty();
		for (Dialplan.Step step : recordings) {
			for (String file : RecordingNames.files(step).values()) {
				assertThat(file).as("%s", step.where()).matches("\\$\\{(RECDIR|PERPARTY_BASE)}[-/].*");
			}
		}
		// PERPARTY_BASE reaches the agent's channel only when inherited (__) from the caller's.
		for (Dialplan.Step step : this.dialplan.calls("Set")) {
			if (step.data().contains("PERPARTY_BASE=")) {
				assertThat(step.data()).as(step.where()).startsWith("__PERPARTY_BASE=${RECDIR}/");
			}
		}
	}

	/** On the caller's channel r() is the customer; on the agent's (member gosub, callback-out) it is the agent. */
	@Test
	void perPartyFilesNameTheRightSpeakerAndLeaveOutMusicOnHold() {
		Set<String> agentSide = new LinkedHashSet<>();
		queueSections().forEach((queue) -> queue.value("membergosub").ifPresent(agentSide::add));
		agentSide.add("callback-out");
		int perParty = 0;
		for (Dialplan.Step step : this.dialplan.calls("MixMonitor")) {
			Map<Character, String> files = RecordingNames.files(step);
			if (!files.containsKey('r') && !files.containsKey('t')) {
				continue;
			}
			perParty++;
			boolean agentsChannel = agentSide.contains(step.context());
			assertThat(agentsChannel)
				.as("%s: per-party files on the caller's channel before an agent answers carry music on hold and "
						+ "prompts in the -agent file; start them on the agent's channel", step.where())
				.isTrue();
			assertThat(files.get('r')).as("%s: r() is what the agent's channel receives: the agent", step.where())
				.endsWith("-agent.wav");
			assertThat(files.get('t')).as("%s: t() is what the agent hears: the customer", step.where())
				.endsWith("-customer.wav");
		}
		assertThat(perParty).as("inbound and callback calls both get per-party files").isEqualTo(2);
	}

	@Test
	void oneInboundContextRecordsQueuesAndSurveysAfterTheAgentHangsUp() {
		List<Dialplan.Step> queueCalls = this.dialplan.calls("Queue");
		assertThat(queueCalls).as("one inbound example: exactly one Queue()").hasSize(1);
		Dialplan.Step queue = queueCalls.get(0);
		List<Dialplan.Step> inbound = this.dialplan.steps(queue.context());
		List<String> applications = inbound.stream().map(Dialplan.Step::application).toList();
		assertThat(applications).containsSubsequence("Answer", "MixMonitor", "Queue", "AGI");
		assertThat(queue.arguments().get(1)).as("Queue option c: the caller continues when the agent hangs up")
			.contains("c");
		assertThat(inbound).anyMatch((step) -> step.application().equals("GotoIf")
				&& step.data().contains("${QUEUESTATUS}\"=\"CONTINUE\""));
		// The queue named in Queue() is the one queues.conf defines.
		assertThat(queueSections()).extracting(ConfFile.Section::name).contains(queue.arguments().get(0));
	}

	/** QEPOSITION does not exist; QEHOLDTIME/QEORIGINALPOS are set only once an agent connects. */
	@Test
	void promisesNoVariableAsteriskDoesNotSet() throws IOException {
		try (Stream<Path> files = Files.list(ConfFile.directory())) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".conf")).toList()) {
				assertThat(Files.readString(file)).as(file.getFileName().toString()).doesNotContain("QEPOSITION");
			}
		}
		for (ConfFile.Section queue : queueSections()) {
			String exit = queue.value("context").orElseThrow();
			for (Dialplan.Step step : this.dialplan.steps(exit)) {
				assertThat(step.data()).as(step.where()).doesNotContain("QEHOLDTIME").doesNotContain("QEORIGINALPOS");
			}
		}
	}

	@Test
	void everySoundPlayedIsACoreSoundOrAShippedCallqaPrompt() throws Exception {
		Set<String> sounds = new TreeSet<>();
		for (String application : List.of("Playback", "Background", "Read")) {
			for (Dialplan.Step step : this.dialplan.calls(application)) {
				String files = step.arguments().get(application.equals("Read") ? 1 : 0);
				sounds.addAll(Arrays.asList(files.split("&")));
			}
		}
		for (ConfFile.Section queue : queueSections()) {
			for (String key : List.of("periodic-announce", "announce", "queue-youarenext", "queue-thankyou")) {
				queue.values(key).forEach((value) -> sounds.addAll(Arrays.asList(value.split(","))));
			}
		}
		assertThat(sounds).isNotEmpty();
		for (String sound : sounds) {
			Sounds.assertPlayable(sound.strip());
		}
	}

	@Test
	void agiUrlsNameTheServersScripts() throws ClassNotFoundException {
		Set<String> used = new TreeSet<>();
		for (Dialplan.Step step : this.dialplan.calls("AGI")) {
			String url = this.dialplan.expandGlobals(step.arguments().get(0));
			Matcher matcher = AGI_URL.matcher(url);
			assertThat(matcher.matches()).as("%s: a FastAGI URL agi://host:port/script, got %s", step.where(), url)
				.isTrue();
			used.add(matcher.group(1));
		}
		assertThat(used).as("AGI scripts the dialplan runs = FastAgiScript beans of the server")
			.isEqualTo(agiScriptBeans());
	}

	private static Set<String> agiScriptBeans() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(FastAgiScript.class));
		Set<String> names = new TreeSet<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents("io.callqa")) {
			Class<?> type = Class.forName(candidate.getBeanClassName());
			Component component = type.getAnnotation(Component.class);
			boolean production = !type.getProtectionDomain().getCodeSource().getLocation().getPath()
				.contains("test-classes");
			if (component != null && production) {
				names.add(component.value());
			}
		}
		assertThat(names).as("FastAgiScript beans found").isNotEmpty();
		return names;
	}

	@Test
	void managerAccountMaySendTheConnectorsActionsAndReadItsEvents() {
		ConfFile manager = ConfFile.load("manager.conf");
		assertThat(manager.value("general", "enabled")).hasValue("yes");
		assertThat(manager.value("general", "timestampevents")).hasValue("yes");
		ConfFile.Section account = manager.section("callqa").orElseThrow();
		Set<String> write = classes(account.value("write").orElseThrow());
		ACTION_AUTHORITY.forEach((action, needs) -> assertThat(needs.isEmpty() || needs.stream().anyMatch(write::contains))
			.as("manager.conf [callqa] write=%s cannot send %s (needs one of %s)", write, action, needs)
			.isTrue());
		assertThat(write).as("no CLI commands: CoreSettings is allowed, so the library never sends Command")
			.doesNotContain("command", "all");
		assertThat(classes(account.value("read").orElseThrow()))
			.as("channels and bridges (call), queues (agent), VarSet (dialplan), restarts (system)")
			.containsAll(Set.of("call", "agent", "dialplan", "system"));
		assertThat(account.value("permit")).isPresent();
	}

	private static Set<String> classes(String value) {
		return Arrays.stream(value.split(",")).map(String::strip).collect(Collectors.toSet());
	}

	@Test
	void asteriskConfFragmentTransmitsSilence() {
		ConfFile asterisk = ConfFile.load("asterisk.conf");
		assertThat(asterisk.value("options", "transmit_silence")).hasValue("yes");
	}

	private List<ConfFile.Section> queueSections() {
		return this.queues.sections().stream().filter((section) -> !section.name().equals("general")).toList();
	}

}
