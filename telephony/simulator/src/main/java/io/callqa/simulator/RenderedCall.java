package io.callqa.simulator;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A scripted call rendered into events: its ids (the caller channel's Uniqueid is also the Linkedid of every leg),
 * the MixMonitor file the events announce, and the scripted start and end instants.
 */
public record RenderedCall(String linkedid, @Nullable String recordingFile, Instant start, Instant end,
		Scenario scenario) {

	/** How many events the call has on the wire. */
	public int size() {
		return this.scenario.size();
	}

}
