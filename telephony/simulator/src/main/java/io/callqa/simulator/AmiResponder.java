package io.callqa.simulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Answers the actions of one connection the way Asterisk 22.10.1 does: login (MD5 challenge or plaintext), the
 * version probes Asterisk-Java sends right after login, Ping and Logoff, and the actions the connector uses
 * (CoreShowChannels, QueueStatus, CoreStatus, Originate, MixMonitor) and the live floor's (QueueSummary, QueuePause,
 * QueueAdd, QueueRemove, Originate of an application such as ChanSpy, Hangup) from the {@link SimulatedAsterisk}
 * state.
 */
final class AmiResponder {

	static final String ASTERISK_VERSION = "22.10.1";

	private static final String AMI_VERSION = "11.0.0";

	/** Asterisk answers only these before authentication; anything else gets "Permission denied". */
	private static final Set<String> UNAUTHENTICATED_ACTIONS = Set.of("login", "challenge", "logoff");

	private static final String FULLY_BOOTED = "Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: 14\r\n"
			+ "LastReload: 14\r\nStatus: Fully Booted\r\n\r\n";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

	private final AmiCredentials credentials;

	private final SimulatedAsterisk asterisk;

	private final String challenge = UUID.randomUUID().toString().replace("-", "").substring(0, 9);

	private volatile boolean loggedIn;

	AmiResponder(AmiCredentials credentials, SimulatedAsterisk asterisk) {
		this.credentials = credentials;
		this.asterisk = asterisk;
	}

	boolean isLoggedIn() {
		return this.loggedIn;
	}

	/** The reply to one action block, whose header names are lowercase. */
	Reply answer(Map<String, String> action) {
		String name = action.getOrDefault("action", "").toLowerCase(Locale.ROOT);
		this.asterisk.received(action);
		AmiReplyBuilder reply = new AmiReplyBuilder(action.get("actionid"));
		if (!this.loggedIn && !UNAUTHENTICATED_ACTIONS.contains(name)) {
			return new Reply(reply.error("Permission denied"), false);
		}
		if (name.equals("logoff")) {
			return new Reply(reply.response("Goodbye").line("Message", "Thanks for all the fish.").end(), true);
		}
		switch (name) {
			case "originate" -> {
				return originate(action, reply);
			}
			case "queuepause" -> {
				return played(reply, this.asterisk.queues.pause(action.get("interface"), action.get("queue"),
						truth(action.get("paused")), action.get("reason"), this.asterisk.now()));
			}
			case "queueadd" -> {
				return played(reply,
						this.asterisk.queues.add(action.get("queue"), action.get("interface"),
								action.get("membername"), parseInt(action.get("penalty"), 0),
								Boolean.TRUE.equals(truth(action.get("paused"))), action.get("reason"),
								action.get("stateinterface"), this.asterisk.now()));
			}
			case "queueremove" -> {
				return played(reply, this.asterisk.queues.remove(action.get("queue"), action.get("interface"),
						this.asterisk.now()));
			}
			case "hangup" -> {
				return hangup(action.get("channel"), reply);
			}
			default -> {
			}
		}
		return new Reply(answer(name, action, reply), false);
	}

	private String answer(String name, Map<String, String> action, AmiReplyBuilder reply) {
		return switch (name) {
			case "challenge" -> challenge(action, reply);
			case "login" -> login(action, reply);
			case "ping" -> ping(reply);
			case "coresettings" -> coreSettings(reply);
			case "command" -> command(action.getOrDefault("command", ""), reply);
			case "coreshowchannels" -> coreShowChannels(action.get("actionid"), reply);
			case "queuestatus" -> queueStatus(action.get("actionid"), action.get("queue"), action.get("member"), reply);
			case "queuesummary" -> queueSummary(action.get("actionid"), action.get("queue"), reply);
			case "corestatus" -> coreStatus(reply);
			case "mixmonitor" -> mixMonitor(action, reply);
			default -> reply.error("Invalid/unknown command");
		};
	}

	private String challenge(Map<String, String> action, AmiReplyBuilder reply) {
		if (!"md5".equalsIgnoreCase(action.get("authtype"))) {
			return reply.error("Must specify AuthType");
		}
		return reply.success().line("Challenge", this.challenge).end();
	}

	private String login(Map<String, String> action, AmiReplyBuilder reply) {
		String user = action.getOrDefault("username", "");
		String key = action.get("key");
		boolean accepted = (key != null) ? this.credentials.acceptsKey(user, this.challenge, key)
				: this.credentials.acceptsSecret(user, action.getOrDefault("secret", ""));
		if (!accepted) {
			return reply.error("Authentication failed");
		}
		this.loggedIn = true;
		// Asterisk follows a successful login with FullyBooted, as every captured trace shows.
		return reply.success().line("Message", "Authentication accepted").end() + FULLY_BOOTED;
	}

	private static String ping(AmiReplyBuilder reply) {
		long micros = System.currentTimeMillis() * 1000;
		String timestamp = String.format("%d.%06d", micros / 1_000_000, micros % 1_000_000);
		return reply.success().line("Ping", "Pong").line("Timestamp", timestamp).end();
	}

	/** Answered in full because Asterisk-Java reads AsteriskVersion from it; without it login stalls ~18 s. */
	private static String coreSettings(AmiReplyBuilder reply) {
		return reply.success()
			.line("AMIversion", AMI_VERSION)
			.line("AsteriskVersion", ASTERISK_VERSION)
			.line("SystemName", "")
			.line("CoreMaxCalls", "0")
			.line("CoreMaxLoadAvg", "0.000000")
			.line("CoreRunUser", "asterisk")
			.line("CoreRunGroup", "asterisk")
			.line("CoreMaxFilehandles", "0")
			.line("CoreRealTimeEnabled", "No")
			.line("CoreCDRenabled", "Yes")
			.line("CoreHTTPenabled", "No")
			.line("SoundsSearchCustomDir", "No")
			.end();
	}

	/** Asterisk 14+ sends command output as {@code Output:} lines of a Success response, not "Response: Follows". */
	private static String command(String command, AmiReplyBuilder reply) {
		String output = command.trim().equals("core show version")
				? "Asterisk " + ASTERISK_VERSION + " built by root @ callqa on a x86_64 running Linux"
				: "No such command '" + command + "' (type 'core show help " + command
						+ "' for other possible commands)";
		return reply.success().line("Message", "Command output follows").line("Output", output).end();
	}

	private String coreShowChannels(@Nullable String actionId, AmiReplyBuilder reply) {
		List<String> events = this.asterisk.channels.coreShowChannel(orEmpty(actionId), this.asterisk.now());
		return list(reply, "Channels will follow", events, "CoreShowChannelsComplete", actionId);
	}

	private String queueStatus(@Nullable String actionId, @Nullable String queue, @Nullable String member,
			AmiReplyBuilder reply) {
		List<String> events = this.asterisk.queues.status(orEmpty(actionId), queue, member, this.asterisk.now());
		return list(reply, "Queue status will follow", events, "QueueStatusComplete", actionId);
	}

	private String queueSummary(@Nullable String actionId, @Nullable String queue, AmiReplyBuilder reply) {
		List<String> events = this.asterisk.queues.summary(orEmpty(actionId), queue, this.asterisk.now());
		return list(reply, "Queue summary will follow", events, "QueueSummaryComplete", actionId);
	}

	/** A queue action's reply; its events go out right after it, as Asterisk sends them after the response. */
	private Reply played(AmiReplyBuilder reply, QueueModel.Outcome outcome) {
		if (!outcome.success()) {
			return new Reply(reply.error(outcome.message()), false);
		}
		return new Reply(reply.success().line("Message", outcome.message()).end(), false,
				() -> this.asterisk.emit(outcome.events()));
	}

	/** Hangs up what the simulator can hang up: spy channels and the channels of floor calls. */
	private Reply hangup(@Nullable String channel, AmiReplyBuilder reply) {
		if (channel == null || channel.isBlank()) {
			return new Reply(reply.error("No channel specified"), false);
		}
		if (!this.asterisk.floor.isSpy(channel) && this.asterisk.floor.callerOf(channel) == null) {
			return new Reply(reply.error("No such channel"), false);
		}
		return new Reply(reply.success().line("Message", "Channel Hungup").end(), false,
				() -> this.asterisk.hangUp(channel));
	}

	/** Asterisk's ast_true(): yes, true, y, t, 1, on; null when the header is missing. */
	private static @Nullable Boolean truth(@Nullable String value) {
		if (value == null) {
			return null;
		}
		return Set.of("yes", "true", "y", "t", "1", "on").contains(value.trim().toLowerCase(Locale.ROOT));
	}

	private static int parseInt(@Nullable String value, int fallback) {
		try {
			return (value != null) ? Integer.parseInt(value.trim()) : fallback;
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

	/** An event list: Success with EventList start, the events with the ActionID, then the Complete event. */
	private static String list(AmiReplyBuilder reply, String message, List<String> events, String complete,
			@Nullable String actionId) {
		StringBuilder text = new StringBuilder(
				reply.success().line("EventList", "start").line("Message", message).end());
		events.forEach(text::append);
		return text.append(new QueueModel.Block(complete, orEmpty(actionId)).line("EventList", "Complete")
			.line("ListItems", events.size())
			.end()).toString();
	}

	private String coreStatus(AmiReplyBuilder reply) {
		Instant started = this.asterisk.startedAt();
		return reply.success()
			.line("CoreStartupDate", DATE.format(started))
			.line("CoreStartupTime", TIME.format(started))
			.line("CoreReloadDate", DATE.format(started))
			.line("CoreReloadTime", TIME.format(started))
			.line("CoreCurrentCalls", String.valueOf(this.asterisk.channels.calls()))
			.end();
	}

	/** Queued at once; the OriginateResponse and the call's events follow after this reply is on the wire. */
	private Reply originate(Map<String, String> action, AmiReplyBuilder reply) {
		if (action.get("channel") == null) {
			return new Reply(reply.error("Channel not specified"), false);
		}
		ReceivedOriginate request = new ReceivedOriginate(action.getOrDefault("actionid", ""), action.get("channel"),
				action.getOrDefault("context", "default"), action.getOrDefault("exten", "s"),
				parsePriority(action.get("priority")), action.getOrDefault("callerid", ""),
				SimulatedAsterisk.millis(action.get("timeout")), SimulatedAsterisk.variables(action.get("variable")),
				orEmpty(action.get("application")), orEmpty(action.get("data")));
		return new Reply(reply.success().line("Message", "Originate successfully queued").end(), false,
				() -> this.asterisk.originate(request));
	}

	private static int parsePriority(@Nullable String priority) {
		try {
			return (priority != null) ? Integer.parseInt(priority.trim()) : 1;
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	private String mixMonitor(Map<String, String> action, AmiReplyBuilder reply) {
		String channel = action.get("channel");
		if (channel == null) {
			return reply.error("No channel specified");
		}
		if (!this.asterisk.mixMonitor(channel, action.getOrDefault("file", ""), action.getOrDefault("options", ""))) {
			return reply.error("No such channel");
		}
		return reply.success().end();
	}

	private static String orEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

	/**
	 * The text to send back, whether the connection ends after it (Logoff), and what to do once it is sent.
	 */
	record Reply(String text, boolean hangUp, Runnable after) {

		Reply(String text, boolean hangUp) {
			this(text, hangUp, () -> {
			});
		}

	}

}
