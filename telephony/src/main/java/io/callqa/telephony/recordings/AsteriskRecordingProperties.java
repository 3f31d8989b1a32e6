package io.callqa.telephony.recordings;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Asterisk's recordings are and how to collect them ({@code callqa.telephony.recordings.asterisk.*}).
 *
 * @param dir Asterisk's MixMonitor directory as this server sees it (same host, or a shared mount); unset: off
 * @param settle a file is complete once its size and time have not changed for this long after its call ended
 * @param waitMax how long after the call's end a missing or growing file is waited for; then the sweep takes over
 * @param sweepInterval how often the directory is swept for files whose call end was missed
 * @param sweepMinAge the sweep ignores files modified more recently than this (a live call's file grows)
 * @param orphanAge a file whose Uniqueid matches no call is registered as a call of its own after this long
 * @param startMixMonitor send a MixMonitor action when a caller joins a queue (for dialplans that do not record)
 * @param mixMonitorDir the directory in the MixMonitor action, as Asterisk sees it; default {@code dir}
 * @param perParty with {@code startMixMonitor}, also write agent and customer files (r()/t()) for a stereo transcript
 */
@ConfigurationProperties("callqa.telephony.recordings.asterisk")
record AsteriskRecordingProperties(@Nullable Path dir, @DefaultValue("2s") Duration settle,
		@DefaultValue("60s") Duration waitMax, @DefaultValue("60s") Duration sweepInterval,
		@DefaultValue("2m") Duration sweepMinAge, @DefaultValue("10m") Duration orphanAge,
		@DefaultValue("false") boolean startMixMonitor, @Nullable String mixMonitorDir,
		@DefaultValue("false") boolean perParty) {

	boolean enabled() {
		return this.dir != null;
	}

	String mixMonitorDirOrDefault() {
		return (this.mixMonitorDir != null) ? this.mixMonitorDir : String.valueOf(this.dir);
	}

}
