package io.callqa.telephony.asteriskconf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.callqa.telephony.SpyMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Asterisk side of the live floor: the supervisors' phones and what they may dial, ChanSpy with the options of
 * callqa's Listen / Whisper / Barge ({@link SpyMode}), queue members whose state callqa can follow and act on. What
 * Asterisk 22.10.1 answered to each action is in the README (Connecting Asterisk, The live floor).
 */
class LiveFloorAsteriskConfigTests {

	private static final String SPY_CONTEXT = "supervisors";

	/** What a supervisor dials before an agent's extension. */
	private static final Map<SpyMode, String> DIAL_PREFIX = Map.of(SpyMode.LISTEN, "*1", SpyMode.WHISPER, "*2",
			SpyMode.BARGE, "*3");

	private static final Pattern EXTEN = Pattern.compile("\\$\\{EXTEN(?::(\\d+))?}");

	/**
	 * Asterisk 22's manager.c (originate_app_permissions): an Originate whose application contains one of these
	 * (case-insensitive) needs the system class too ("Originate Access Forbidden: app or data blacklisted").
	 */
	private static final List<String> APPLICATIONS_NEEDING_SYSTEM = List.of("agi", "dbdeltree", "exec", "externalivr",
			"mixmonitor", "originate", "reload", "system", "queue");

	/** The same, for application data containing one of these (case-sensitive: dialplan functions). */
	private static final List<String> DATA_NEEDING_SYSTEM = List.of("CURL", "DB", "EVAL", "FILE", "ODBC", "REALTIME",
			"SHELL");

	private final Dialplan dialplan = Dialplan.load();

	private final ConfFile pjsip = ConfFile.load("pjsip.conf");

	private final ConfFile queues = ConfFile.load("queues.conf");

	@Test
	void supervisorsDialStarDigitAndAnAgentsExtensionToSpyWithTheOptionsOfCallqasButtons() {
		List<String> devices = memberDevices();
		assertThat(devices).isNotEmpty();
		for (SpyMode mode : SpyMode.values()) {
			for (String device : devices) {
				String dialled = DIAL_PREFIX.get(mode) + endpoint(device);
				Dialplan.Step spy = this.dialplan.extension(SPY_CONTEXT, dialled)
					.orElseThrow(() -> new AssertionError("[" + SPY_CONTEXT + "] has no extension for " + dialled
							+ ": a supervisor cannot " + mode.name().toLowerCase(Locale.ROOT) + " to " + device))
					.get(0);
				assertThat(spy.application()).as(spy.where()).isEqualTo("ChanSpy");
				assertThat(spy.arguments().get(1)).as("%s: the options of callqa's %s button", spy.where(), mode)
					.isEqualTo(mode.options());
				// ChanSpy spies on every channel whose name starts with its first argument; PJSIP names a device's
				// channels <device>-<sequence>, so the "-" keeps 1001 off 10010.
				String prefix = expandExten(spy.arguments().get(0), dialled);
				assertThat(device + "-0000002a").as("%s spies on %s's calls", spy.where(), device).startsWith(prefix);
				assertThat(device + "0-0000002a").as("%s must not spy on another device's calls", spy.where())
					.doesNotStartWith(prefix);
			}
		}
		// No other way to spy in the dialplan, with other options.
		Set<String> options = Arrays.stream(SpyMode.values()).map(SpyMode::options).collect(Collectors.toSet());
		for (Dialplan.Step step : this.dialplan.calls("ChanSpy")) {
			assertThat(step.context()).as(step.where()).isEqualTo(SPY_CONTEXT);
			assertThat(options).as(step.where()).contains(step.arguments().get(1));
		}
	}

	@Test
	void onlySupervisorsPhonesMayDialTheSpyContext() {
		List<String> supervisorPhones = endpoints().entrySet()
			.stream()
			.filter((endpoint) -> endpoint.getValue().value("context").orElse("").equals(SPY_CONTEXT))
			.map(Map.Entry::getKey)
			.toList();
		assertThat(supervisorPhones).as("pjsip.conf: a supervisor's phone (context=%s)", SPY_CONTEXT).isNotEmpty();
		assertThat(this.dialplan.hasContext(SPY_CONTEXT)).isTrue();
		for (String device : memberDevices()) {
			ConfFile.Section endpoint = Optional.ofNullable(endpoints().get(endpoint(device)))
				.orElseThrow(() -> new AssertionError("queues.conf member " + device + " is no endpoint of pjsip.conf"));
			assertThat(endpoint.value("context"))
				.as("agent's phone %s: whoever dials [%s] may listen to every agent", device, SPY_CONTEXT)
				.isNotEqualTo(Optional.of(SPY_CONTEXT));
		}
	}

	@Test
	void queueMembersAreAgentsDevicesTheFloorCanFollow() {
		assertThat(this.queues.value("general", "persistentmembers"))
			.as("members logged in with QueueAdd stay members when Asterisk restarts")
			.isNotEqualTo(Optional.of("no"));
		Map<String, String> deviceOfAgent = new HashMap<>();
		for (ConfFile.Section queue : queueSections()) {
			assertThat(queue.value("ringinuse"))
				.as("[%s] ringinuse=no: an agent on a call (the wallboard says so) is not rung", queue.name())
				.hasValue("no");
			assertThat(queue.value("autopause").orElse("no"))
				.as("[%s] autopause pauses with the reason Auto-Pause, not one of callqa's", queue.name())
				.isEqualTo("no");
			for (String member : queue.values("member")) {
				List<String> fields = Arrays.stream(member.split(",")).map(String::strip).toList();
				String device = fields.get(0);
				String agent = fields.get(2);
				assertThat(device).as("[%s] member %s: a PJSIP device (its state is the agent's)", queue.name(), member)
					.matches("PJSIP/[\\w.-]+");
				assertThat(agent).as("[%s] member %s: the member name is the agent's login", queue.name(), member)
					.matches("[\\w.@-]+");
				String known = deviceOfAgent.putIfAbsent(agent, device);
				assertThat(known == null || known.equals(device))
					.as("%s is %s in one queue and %s in another", agent, known, device)
					.isTrue();
			}
		}
	}

	/** Listen / whisper / barge are an Originate into ChanSpy: the originate class, nothing more. */
	@Test
	void theManagerAccountMayOriginateIntoChanSpy() {
		ConfFile.Section account = ConfFile.load("manager.conf").section("callqa").orElseThrow();
		Set<String> write = Arrays.stream(account.value("write").orElseThrow().split(","))
			.map(String::strip)
			.collect(Collectors.toSet());
		assertThat(write).contains("originate");
		boolean needsSystem = APPLICATIONS_NEEDING_SYSTEM.stream().anyMatch("chanspy"::contains);
		for (String device : memberDevices()) {
			for (SpyMode mode : SpyMode.values()) {
				String data = device + "-0000002a," + mode.chanSpyOptions();
				needsSystem |= DATA_NEEDING_SYSTEM.stream().anyMatch(data::contains);
			}
		}
		assertThat(needsSystem).as("an Originate into ChanSpy on the agents' channels needs only originate").isFalse();
	}

	private static String expandExten(String text, String exten) {
		Matcher matcher = EXTEN.matcher(text);
		StringBuilder expanded = new StringBuilder();
		while (matcher.find()) {
			int offset = (matcher.group(1) != null) ? Integer.parseInt(matcher.group(1)) : 0;
			matcher.appendReplacement(expanded, Matcher.quoteReplacement(exten.substring(offset)));
		}
		matcher.appendTail(expanded);
		return expanded.toString();
	}

	private static String endpoint(String device) {
		return device.substring(device.indexOf('/') + 1);
	}

	private Map<String, ConfFile.Section> endpoints() {
		Map<String, ConfFile.Section> endpoints = new HashMap<>();
		for (ConfFile.Section section : this.pjsip.sections()) {
			if (section.value("type").orElse("").equals("endpoint")) {
				endpoints.put(section.name(), section);
			}
		}
		return endpoints;
	}

	private List<String> memberDevices() {
		List<String> devices = new ArrayList<>();
		for (ConfFile.Section queue : queueSections()) {
			for (String member : queue.values("member")) {
				String device = member.split(",")[0].strip();
				if (!devices.contains(device)) {
					devices.add(device);
				}
			}
		}
		return devices;
	}

	private List<ConfFile.Section> queueSections() {
		return this.queues.sections().stream().filter((section) -> !section.name().equals("general")).toList();
	}

}
