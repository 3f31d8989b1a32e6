package io.callqa.qaconsole;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a finished transcription leaves of a call, written straight into the tables: its recording (a path that is
 * never read), a DONE job and the transcript's row. The tests that write calls this way add the utterances they need.
 */
public final class TranscribedCalls {

	private TranscribedCalls() {
	}

	/** The recording, job and transcript of {@code call}, {@code seconds} of audio at {@code path}. */
	public static void transcribed(JdbcClient jdbc, long call, String path, double seconds) {
		long recording = jdbc.sql("""
				insert into recording (call_id, path, size_bytes, channel_map)
				values (:call, :path, 0, 'agent,customer') returning id""")
			.param("call", call)
			.param("path", path)
			.query(Long.class)
			.single();
		long job = jdbc.sql("""
				insert into transcription_job (call_id, recording_id, state, max_attempts)
				values (:call, :recording, 'DONE', 3) returning id""")
			.param("call", call)
			.param("recording", recording)
			.query(Long.class)
			.single();
		jdbc.sql("""
				insert into transcript (call_id, recording_id, job_id, model, audio_sec)
				values (:call, :recording, :job, 'test', :seconds)""")
			.param("call", call)
			.param("recording", recording)
			.param("job", job)
			.param("seconds", seconds)
			.update();
	}

}
