package io.callqa.telephony.recordings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;


/**
 * Attaches a complete {@link RecordingSet} to its call: an agent/customer pair as one stereo file, each mixed file
 * as it is. Files already attached are skipped, so the call's end and the sweep can both try.
 */
@Component
class RecordingAttacher {

	private static final Logger logger = LoggerFactory.getLogger(RecordingAttacher.class);

	private final CallRecordings recordings;

	private final RecordingStore store;

	RecordingAttacher(CallRecordings recordings, RecordingStore store) {
		this.recordings = recordings;
		this.store = store;
	}

	/** @return how many recordings were attached */
	int attach(long callId, RecordingSet set, String origin) throws IOException {
		int attached = 0;
		if (set.hasPair()) {
			attached += attachPair(callId, set.agent(), set.customer(), origin);
		}
		for (Path mixed : set.mixed()) {
			String key = RecordingSet.key(mixed);
			if (!this.recordings.isAttached(key)
					&& this.recordings.attach(callId, key, mixed, List.of(), origin).isPresent()) {
				attached++;
			}
		}
		if (!set.hasPair() && (set.agent() != null || set.customer() != null) && set.mixed().isEmpty()) {
			// Half a pair: keep it rather than lose it; its speaker is known from its name.
			Path half = (set.agent() != null) ? set.agent() : set.customer();
			if (!this.recordings.isAttached(RecordingSet.key(half))) {
				this.recordings.attach(callId, RecordingSet.key(half), half, List.of(), origin);
				attached++;
			}
		}
		return attached;
	}

	private int attachPair(long callId, Path agent, Path customer, String origin) throws IOException {
		String key = RecordingSet.pairKey(agent, customer);
		if (this.recordings.isAttached(key)) {
			return 0;
		}
		Path stereo = this.store.createTempFile("callqa-stereo-", ".wav");
		try {
			PerPartyMerger.merge(agent, customer, stereo);
			return this.recordings.attach(callId, key, stereo, List.of("agent", "customer"), origin).isPresent() ? 1
					: 0;
		}
		catch (IOException ex) {
			logger.warn("Call {}: per-party files {} and {} cannot be merged ({}); attaching them as they are",
					callId, agent.getFileName(), customer.getFileName(), ex.getMessage());
			this.recordings.noteAnomaly(callId, "per-party recordings not merged: " + ex.getMessage());
			this.recordings.attach(callId, RecordingSet.key(agent), agent, List.of(), origin);
			this.recordings.attach(callId, RecordingSet.key(customer), customer, List.of(), origin);
			return 2;
		}
		finally {
			Files.deleteIfExists(stereo);
		}
	}

}
