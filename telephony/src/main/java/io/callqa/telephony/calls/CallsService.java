package io.callqa.telephony.calls;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.util.Assert;

import io.callqa.telephony.CallDetails;
import io.callqa.telephony.CallFilter;
import io.callqa.telephony.CallNotFoundException;
import io.callqa.telephony.CallSummary;
import io.callqa.telephony.CallerHistory;
import io.callqa.telephony.Calls;
import io.callqa.telephony.LiveQueueEntry;
import io.callqa.telephony.NewRecordedCall;
import io.callqa.telephony.recordings.CallRecordings;

/**
 * Registers recorded calls and looks them up: the telephony module's use-case facade.
 */
@Service
class CallsService implements Calls {

	private final CallRepository calls;

	private final CallSummaries summaries;

	private final CallRecordings recordings;

	private final CallTracker tracker;

	CallsService(CallRepository calls, CallSummaries summaries, CallRecordings recordings, CallTracker tracker) {
		this.calls = calls;
		this.summaries = summaries;
		this.recordings = recordings;
		this.tracker = tracker;
	}

	@Override
	public CallDetails find(long callId) {
		CallDetails call = this.calls.find(callId).orElseThrow(() -> new CallNotFoundException(callId));
		return this.recordings.transcribed(callId).map(call::withRecording).orElse(call);
	}

	@Override
	public List<CallSummary> list(CallFilter filter) {
		return this.summaries.list(filter);
	}

	@Override
	public Map<Long, CallSummary> summaries(Collection<Long> callIds) {
		return this.summaries.byIds(callIds);
	}

	@Override
	public List<Long> recordedCallIds(String agent, Instant from, Instant to) {
		return this.summaries.recordedCallIds(agent, from, to);
	}

	@Override
	public Optional<CallSummary> liveCallOf(String agent) {
		return this.summaries.liveCallOf(agent);
	}

	@Override
	public CallerHistory history(String number, @Nullable Long excludeCallId, int limit) {
		return this.summaries.history(number, excludeCallId, limit);
	}

	@Override
	public Optional<Long> findByUniqueid(String uniqueid) {
		Assert.hasText(uniqueid, "'uniqueid' must not be empty");
		return this.tracker.findByUniqueid(null, uniqueid);
	}

	@Override
	public Optional<LiveQueueEntry> liveEntry(String uniqueid) {
		Assert.hasText(uniqueid, "'uniqueid' must not be empty");
		return this.tracker.liveEntry(uniqueid);
	}

	@Override
	public long registerUpload(NewRecordedCall call, InputStream audio) throws IOException {
		Assert.notNull(call, "'call' must not be null");
		return this.recordings.registerUpload(call, audio);
	}

	@Override
	public Optional<CallDetails.RecordingFile> recording(long callId, long recordingId) {
		return this.recordings.recording(callId, recordingId);
	}

}
