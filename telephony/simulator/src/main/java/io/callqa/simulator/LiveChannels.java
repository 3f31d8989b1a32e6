package io.callqa.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The channels alive on the simulated Asterisk, kept from the events it played (Newchannel adds, Hangup removes),
 * so that {@code CoreShowChannels} answers what a client that missed events would need to resync.
 */
final class LiveChannels {

	private final Map<String, Channel> byUniqueid = new LinkedHashMap<>();

	synchronized void observe(AmiEvent event, Instant at) {
		String uniqueid = event.value("Uniqueid");
		if (uniqueid == null || event.value("Channel") == null) {
			return;
		}
		switch (event.type()) {
			case "Newchannel" -> this.byUniqueid.put(uniqueid, new Channel(at));
			case "Hangup" -> this.byUniqueid.remove(uniqueid);
			default -> {
			}
		}
		Channel channel = this.byUniqueid.get(uniqueid);
		if (channel != null) {
			channel.update(event);
		}
	}

	synchronized int size() {
		return this.byUniqueid.size();
	}

	synchronized @Nullable String channelUniqueid(String channelName) {
		return this.byUniqueid.entrySet()
			.stream()
			.filter((entry) -> channelName.equals(entry.getValue().fields.get("Channel")))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(null);
	}

	/**
	 * The channel block of the live channel named {@code name}, or of the first whose name starts with
	 * {@code name + "-"} (ChanSpy's prefix match, e.g. {@code PJSIP/1001}), each key prefixed (e.g. {@code Spyee});
	 * null if none is live.
	 */
	synchronized @Nullable List<String> channelLines(String name, String keyPrefix) {
		Channel found = null;
		for (Channel channel : this.byUniqueid.values()) {
			String candidate = String.valueOf(channel.fields.get("Channel"));
			if (candidate.equals(name)) {
				found = channel;
				break;
			}
			if (found == null && candidate.startsWith(name + "-")) {
				found = channel;
			}
		}
		if (found == null) {
			return null;
		}
		List<String> lines = new ArrayList<>();
		found.fields.forEach((key, value) -> lines.add(keyPrefix + key + ": " + value));
		return lines;
	}

	/** What CoreShowChannel reports a channel runs (Application, ApplicationData) when no Newexten said so. */
	synchronized void runs(String uniqueid, String application, String data) {
		Channel channel = this.byUniqueid.get(uniqueid);
		if (channel != null) {
			channel.application = application;
			channel.applicationData = data;
		}
	}

	/** Distinct Linkedids, i.e. calls in progress ({@code CoreCurrentCalls}). */
	synchronized long calls() {
		return this.byUniqueid.values().stream().map((channel) -> channel.fields.get("Linkedid")).distinct().count();
	}

	synchronized void clear() {
		this.byUniqueid.clear();
	}

	/** One {@code CoreShowChannel} event per live channel, with the fields Asterisk 22 sends. */
	synchronized List<String> coreShowChannel(String actionId, Instant now) {
		List<String> blocks = new ArrayList<>();
		for (Channel channel : this.byUniqueid.values()) {
			blocks.add(channel.coreShowChannel(actionId, now));
		}
		return blocks;
	}

	private static final class Channel {

		private static final List<String> KEYS = List.of("Channel", "ChannelState", "ChannelStateDesc", "CallerIDNum",
				"CallerIDName", "ConnectedLineNum", "ConnectedLineName", "Language", "AccountCode", "Context",
				"Exten", "Priority", "Uniqueid", "Linkedid");

		private final Map<String, String> fields = new LinkedHashMap<>();

		private final Instant created;

		private String bridgeId = "";

		private String application = "";

		private String applicationData = "";

		Channel(Instant created) {
			this.created = created;
		}

		void update(AmiEvent event) {
			for (String key : KEYS) {
				String value = event.value(key);
				if (value != null) {
					this.fields.put(key, value);
				}
			}
			switch (event.type()) {
				case "Newexten" -> {
					this.application = orEmpty(event.value("Application"));
					this.applicationData = orEmpty(event.value("AppData"));
				}
				case "BridgeEnter" -> this.bridgeId = orEmpty(event.value("BridgeUniqueid"));
				case "BridgeLeave" -> this.bridgeId = "";
				default -> {
				}
			}
		}

		String coreShowChannel(String actionId, Instant now) {
			StringBuilder block = new StringBuilder("Event: CoreShowChannel\r\nActionID: " + actionId + "\r\n");
			this.fields.forEach((key, value) -> block.append(key).append(": ").append(value).append("\r\n"));
			long seconds = Math.max(0, Duration.between(this.created, now).getSeconds());
			return block.append("BridgeId: ").append(this.bridgeId).append("\r\n")
				.append("Application: ").append(this.application).append("\r\n")
				.append("ApplicationData: ").append(this.applicationData).append("\r\n")
				.append(String.format("Duration: %02d:%02d:%02d\r\n\r\n", seconds / 3600, seconds / 60 % 60,
						seconds % 60))
				.toString();
		}

		private static String orEmpty(@Nullable String value) {
			return (value != null) ? value : "";
		}

	}

}
