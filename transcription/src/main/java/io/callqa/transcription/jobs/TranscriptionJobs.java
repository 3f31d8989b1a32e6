package io.callqa.transcription.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.callqa.transcription.Backlog;
import io.callqa.transcription.TranscriptionStatus;
import io.callqa.transcription.audio.AudioInfo;
import io.callqa.transcription.speech.Checkpoint;

/**
 * The job queue in the {@code transcription_job} table: enqueue, claim with a lease, renew, finish, retry or fail.
 * Claims use {@code FOR UPDATE SKIP LOCKED}, so any number of workers in any number of processes can share it.
 */
@Repository
class TranscriptionJobs {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	TranscriptionJobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void enqueue(long callId, long recordingId, @Nullable AudioInfo info, int maxAttempts) {
		supersedeUnfinished(callId);
		this.jdbc.sql("""
				insert into transcription_job (call_id, recording_id, state, max_attempts, audio_encoding, sample_rate,
				    channels, audio_sec)
				values (:callId, :recordingId, 'QUEUED', :max, :encoding, :rate, :channels, :sec)""")
			.param("callId", callId)
			.param("recordingId", recordingId)
			.param("max", maxAttempts)
			.param("encoding", (info != null) ? info.encoding().name() : null)
			.param("rate", (info != null) ? info.sampleRate() : null)
			.param("channels", (info != null) ? info.channels() : null)
			.param("sec", (info != null && info.durationSec() >= 0) ? info.durationSec() : null)
			.update();
	}

	/** Records a recording that can never be transcribed as it is, with the reason, so the call shows why. */
	void enqueueFailed(long callId, long recordingId, String reason, int maxAttempts) {
		supersedeUnfinished(callId);
		this.jdbc.sql("""
				insert into transcription_job (call_id, recording_id, state, max_attempts, failure_reason, finished_at)
				values (:callId, :recordingId, 'FAILED', :max, :reason, now())""")
			.param("callId", callId)
			.param("recordingId", recordingId)
			.param("max", maxAttempts)
			.param("reason", reason)
			.update();
	}

	/**
	 * A call announced again is to be transcribed from its newer recording (telephony announces a per-party pair found
	 * after the mixed file was): the call's jobs not yet finished give way, and one running finds its lease gone and
	 * discards its result, so the older recording's transcript can never be stored after the newer one's. A finished
	 * job stays; the new one's transcript replaces its transcript.
	 */
	private void supersedeUnfinished(long callId) {
		this.jdbc.sql("delete from transcription_job where call_id = :callId and state in ('QUEUED', 'RUNNING')")
			.param("callId", callId)
			.update();
	}

	/**
	 * Whether the expired lease of a RUNNING job counts as a failed attempt. Attempts are counted when claimed; a
	 * graceful stop hands its job back uncounted ({@link #release}). A lease expires when the worker process died
	 * (kill -9, a native crash in the recogniser, a power cut) or lost the database for longer than the lease. A
	 * recording that kills its worker does so every time at the same place, before the next checkpoint; a restart of
	 * the host or of the server happens anywhere. So the death counts only when the attempt saved no checkpoint
	 * further than the one it started from, and the claim was not made in an earlier boot of this same host (the
	 * kernel's boot id changed: the host was restarted). A recording that crashes the recogniser therefore still ends
	 * FAILED after max-attempts deaths, while restarts during a long recording cost nothing: each advanced it, and it
	 * resumes from its checkpoint. Every uncounted death moved the checkpoint on, so they cannot go on forever.
	 */
	private static final String DEATH_COUNTS = """
			(progress_sec <= claimed_progress_sec
			 and not coalesce(lease_host = :host and lease_boot <> :boot and :boot <> '', false))""";

	/**
	 * Claims the oldest ready job, or one whose worker stopped renewing its lease (see {@link #DEATH_COUNTS} for
	 * whether that costs an attempt).
	 */
	Optional<TranscriptionJob> claim(String owner, Duration lease) {
		return claim(owner, lease, ClaimingHost.CURRENT);
	}

	Optional<TranscriptionJob> claim(String owner, Duration lease, ClaimingHost host) {
		failAbandoned(host);
		return this.jdbc.sql("""
				update transcription_job set state = 'RUNNING',
				    attempts = attempts + case when state = 'RUNNING' and not %s then 0 else 1 end,
				    lease_owner = :owner, lease_host = :host, lease_boot = nullif(:boot, ''),
				    claimed_progress_sec = progress_sec,
				    lease_until = now() + make_interval(secs => :lease), started_at = now(), finished_at = null
				where id = (select id from transcription_job
				            where (state = 'QUEUED' and available_at <= now())
				               or (state = 'RUNNING' and lease_until < now())
				            order by available_at, id limit 1 for update skip locked)
				returning id, call_id, recording_id, attempts, max_attempts, checkpoint::text as checkpoint"""
				.formatted(DEATH_COUNTS))
			.param("owner", owner)
			.param("host", host.name())
			.param("boot", host.bootId())
			.param("lease", lease.toMillis() / 1000.0)
			.query((rs, row) -> new TranscriptionJob(rs.getLong("id"), rs.getLong("call_id"),
					rs.getLong("recording_id"), rs.getInt("attempts"), rs.getInt("max_attempts"),
					checkpoint(rs.getString("checkpoint"))))
			.optional();
	}

	/** A job whose worker died on every attempt (a file that crashes the recogniser, say) stops being retried. */
	private void failAbandoned(ClaimingHost host) {
		this.jdbc.sql("""
				update transcription_job set state = 'FAILED', finished_at = now(), lease_owner = null,
				    failure_reason = 'The worker stopped during each of ' || attempts || ' attempts (killed or crashed)'
				where state = 'RUNNING' and lease_until < now() and attempts >= max_attempts and %s"""
				.formatted(DEATH_COUNTS))
			.param("host", host.name())
			.param("boot", host.bootId())
			.update();
	}

	/** Saves how far the running job got; @return false if the lease was lost */
	boolean saveCheckpoint(long jobId, String owner, Checkpoint checkpoint) {
		return this.jdbc.sql("""
				update transcription_job set checkpoint = cast(:checkpoint as jsonb), progress_sec = :progress
				where id = :id and lease_owner = :owner and state = 'RUNNING'""")
			.param("id", jobId)
			.param("owner", owner)
			.param("checkpoint", json.writeValueAsString(checkpoint))
			.param("progress", checkpoint.progressSec())
			.update() == 1;
	}

	private static @Nullable Checkpoint checkpoint(@Nullable String saved) {
		if (saved == null) {
			return null;
		}
		try {
			return json.readValue(saved, Checkpoint.class);
		}
		catch (JacksonException ex) {
			return null; // written by an incompatible version: start over
		}
	}

	/** @return false if the lease was lost (expired and claimed by another worker) */
	boolean renew(long jobId, String owner, Duration lease) {
		return this.jdbc.sql("""
				update transcription_job set lease_until = now() + make_interval(secs => :lease)
				where id = :id and lease_owner = :owner and state = 'RUNNING'""")
			.param("id", jobId)
			.param("owner", owner)
			.param("lease", lease.toMillis() / 1000.0)
			.update() == 1;
	}

	/** @return false if the lease was lost, in which case the caller's transaction must not store its result */
	boolean markDone(long jobId, String owner, double audioSec) {
		return markDone(jobId, owner, audioSec, null);
	}

	/**
	 * @param truncation why only part of the file was transcribed (its header declares more audio than it holds), or
	 * null
	 * @return false if the lease was lost, in which case the caller's transaction must not store its result
	 */
	boolean markDone(long jobId, String owner, double audioSec, @Nullable String truncation) {
		return this.jdbc.sql("""
				update transcription_job set state = 'DONE', finished_at = now(), lease_owner = null, lease_until = null,
				    failure_reason = null, failure_code = null, audio_sec = :sec, truncated = :truncated, note = :note,
				    checkpoint = null
				where id = :id and lease_owner = :owner and state = 'RUNNING'""")
			.param("id", jobId)
			.param("owner", owner)
			.param("sec", audioSec)
			.param("truncated", truncation != null)
			.param("note", truncation)
			.update() == 1;
	}

	void retryLater(TranscriptionJob job, String owner, String reason, Duration delay) {
		this.jdbc.sql("""
				update transcription_job set state = 'QUEUED', lease_owner = null, lease_until = null,
				    failure_reason = :reason, available_at = now() + make_interval(secs => :delay)
				where id = :id and lease_owner = :owner and state = 'RUNNING'""")
			.param("id", job.id())
			.param("owner", owner)
			.param("reason", reason)
			.param("delay", delay.toMillis() / 1000.0)
			.update();
	}

	void fail(TranscriptionJob job, String owner, String reason) {
		fail(job, owner, reason, null);
	}

	/** @param code what the server may act on later ({@code MISSING_FILE}: queued again once the file exists) */
	void fail(TranscriptionJob job, String owner, String reason, @Nullable String code) {
		this.jdbc.sql("""
				update transcription_job set state = 'FAILED', lease_owner = null, lease_until = null,
				    failure_reason = :reason, failure_code = :code, finished_at = now()
				where id = :id and lease_owner = :owner and state = 'RUNNING'""")
			.param("id", job.id())
			.param("owner", owner)
			.param("reason", reason)
			.param("code", code)
			.update();
	}

	/** FAILED jobs whose recording's file was missing, oldest first. */
	List<MissingFileJob> failedForMissingFile(int limit) {
		return this.jdbc.sql("""
				select id, call_id, recording_id from transcription_job
				where state = 'FAILED' and failure_code = 'MISSING_FILE' order by id limit :limit""")
			.param("limit", limit)
			.query((rs, row) -> new MissingFileJob(rs.getLong("id"), rs.getLong("call_id"), rs.getLong("recording_id")))
			.list();
	}

	/**
	 * Queues a FAILED job again with a fresh count of attempts (its file has appeared, or an admin asked).
	 * @return false if the job is not FAILED (any more)
	 */
	boolean requeueFailed(long jobId, String why) {
		return this.jdbc.sql("""
				update transcription_job set state = 'QUEUED', attempts = 0, available_at = now(), finished_at = null,
				    failure_code = null, failure_reason = :why || ' after: ' || coalesce(failure_reason, 'no reason')
				where id = :id and state = 'FAILED'""")
			.param("id", jobId)
			.param("why", why)
			.update() == 1;
	}

	/**
	 * Queues the call's transcription again if it FAILED (the job {@link #statusOf} shows), its attempts counted
	 * afresh.
	 * @param who who asked, kept in the reason
	 * @return false if the call has no FAILED transcription
	 */
	boolean retryFailed(long callId, String who) {
		return this.jdbc.sql("select id from transcription_job where call_id = :callId order by id desc limit 1")
			.param("callId", callId)
			.query(Long.class)
			.optional()
			.map((jobId) -> requeueFailed(jobId, "Retried by " + who))
			.orElse(false);
	}

	/**
	 * Gives a job back when its worker stops before finishing (a graceful stop): the attempt does not count, the
	 * checkpoint stays for the next claim.
	 */
	void release(long jobId, String owner) {
		this.jdbc.sql("""
				update transcription_job set state = 'QUEUED', attempts = greatest(attempts - 1, 0), lease_owner = null,
				    lease_until = null, available_at = now()
				where id = :id and lease_owner = :owner and state = 'RUNNING'""")
			.param("id", jobId)
			.param("owner", owner)
			.update();
	}

	Optional<TranscriptionStatus> statusOf(long callId) {
		return this.jdbc.sql("select * from transcription_job where call_id = :callId order by id desc limit 1")
			.param("callId", callId)
			.query(TranscriptionJobs::toStatus)
			.optional();
	}

	Backlog backlog() {
		return this.jdbc.sql("""
				select count(*) filter (where state = 'QUEUED') as queued,
				       count(*) filter (where state = 'RUNNING') as running,
				       count(*) filter (where state = 'FAILED') as failed
				from transcription_job where state <> 'DONE'""")
			.query((rs, row) -> new Backlog(rs.getLong("queued"), rs.getLong("running"), rs.getLong("failed")))
			.single();
	}

	private static TranscriptionStatus toStatus(ResultSet rs, int row) throws SQLException {
		return new TranscriptionStatus(rs.getString("state"), rs.getInt("attempts"), rs.getInt("max_attempts"),
				rs.getString("failure_reason"), rs.getString("audio_encoding"), rs.getObject("sample_rate", Integer.class),
				rs.getObject("channels", Integer.class), rs.getObject("audio_sec", Double.class),
				rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("started_at")),
				instant(rs.getTimestamp("finished_at")), rs.getBoolean("truncated"), rs.getString("note"));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/** A FAILED job whose recording's file was not there. */
	record MissingFileJob(long id, long callId, long recordingId) {
	}

}
