package io.callqa.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of one scripted call being written, each stamped from the script's clock in Asterisk's
 * {@code timestampevents=yes} format ({@code Timestamp: <epoch seconds>.<micros>}, right after Privilege).
 */
final class EventLog {

	private final List<AmiEvent> events = new ArrayList<>();

	private Instant now;

	EventLog(Instant start) {
		this.now = start;
	}

	Instant now() {
		return this.now;
	}

	void at(Instant time) {
		this.now = time;
	}

	List<AmiEvent> events() {
		return this.events;
	}

	/** An event whose body is {@code lines} (channel blocks and {@code Key: value} lines), in order. */
	void add(String type, String privilege, List<String> lines) {
		List<String> all = new ArrayList<>(lines.size() + 3);
		all.add("Event: " + type);
		all.add("Privilege: " + privilege);
		all.add("Timestamp: " + timestamp(this.now));
		all.addAll(lines);
		this.events.add(new AmiEvent(all));
	}

	/** A {@code call,all} event about one channel, with extra {@code Key: value} lines after the channel block. */
	void call(String type, Leg leg, String... extra) {
		add(type, "call,all", concat(leg.lines(""), extra));
	}

	static List<String> concat(List<String> first, String... extra) {
		List<String> all = new ArrayList<>(first);
		all.addAll(List.of(extra));
		return all;
	}

	static String timestamp(Instant at) {
		return String.format("%d.%06d", at.getEpochSecond(), at.getNano() / 1_000);
	}

}
