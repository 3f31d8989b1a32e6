package io.callqa.telephony.simulator;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Answers the actions of one connection the way Asterisk 22.10.1 does: login (MD5 challenge or plaintext), the
 * version probes Asterisk-Java sends right after login, Ping and Logoff.
 */
final class AmiResponder {

	static final String ASTERISK_VERSION = "22.10.1";

	private static final String AMI_VERSION = "11.0.0";

	/** Asterisk answers only these before authentication; anything else gets "Permission denied". */
	private static final Set<String> UNAUTHENTICATED_ACTIONS = Set.of("login", "challenge", "logoff");

	private static final String FULLY_BOOTED = "Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: 14\r\n"
			+ "LastReload: 14\r\nStatus: Fully Booted\r\n\r\n";

	private final AmiCredentials credentials;

	private final String challenge = UUID.randomUUID().toString().replace("-", "").substring(0, 9);

	private volatile boolean loggedIn;

	AmiResponder(AmiCredentials credentials) {
		this.credentials = credentials;
	}

	boolean isLoggedIn() {
		return this.loggedIn;
	}

	/** The reply to one action block, whose header names are lowercase. */
	Reply answer(Map<String, String> action) {
		String name = action.getOrDefault("action", "").toLowerCase(Locale.ROOT);
		AmiReplyBuilder reply = new AmiReplyBuilder(action.get("actionid"));
		if (!this.loggedIn && !UNAUTHENTICATED_ACTIONS.contains(name)) {
			return new Reply(reply.error("Permission denied"), false);
		}
		if (name.equals("logoff")) {
			return new Reply(reply.response("Goodbye").line("Message", "Thanks for all the fish.").end(), true);
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

	/**
	 * The text to send back and whether the connection ends after it (Logoff).
	 */
	record Reply(String text, boolean hangUp) {
	}

}
