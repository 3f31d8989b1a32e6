package io.callqa.telephony.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.callqa.TelephonyTestApplication;
import io.callqa.telephony.Await;
import io.callqa.telephony.CallEnded;
import io.callqa.telephony.CallOutcome;
import io.callqa.telephony.CallRecorded;
import io.callqa.telephony.Direction;

/**
 * Asterisk's recordings reach their calls: at the call's end once the file is complete, by the sweep when the end was
 * missed, as a call of their own when no call matches, and never twice.
 */
@SpringBootTest(classes = { TelephonyTestApplication.class, RecordingCollectorTests.Recorded.class },
		properties = { "callqa.telephony.recordings.asterisk.dir=target/test-data/asterisk-${random.uuid}",
				"callqa.telephony.recordings.asterisk.settle=150ms",
				"callqa.telephony.recordings.asterisk.wait-max=1500ms",
				"callqa.telephony.recordings.asterisk.sweep-interval=1h",
				"callqa.telephony.recordings.asterisk.sweep-min-age=5s",
				"callqa.telephony.recordings.asterisk.orphan-age=10m" })
class RecordingCollectorTests {

	@Autowired
	private AsteriskRecordingProperties properties;

	@Autowired
	private RecordingCollector collector;

	@Autowired
	private CallRecordings recordings;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Recorded recorded;

	private Path dir;

	@BeforeEach
	void createDirectory() throws IOException {
		this.dir = Files.createDirectories(this.properties.dir());
	}

	@Test
	void aCompleteFileIsAttachedWhenItsCallEndsAndQueuedForTranscription() throws Exception {
		long callId = endedCall("1795418999.0", "1795418999.1");
		Path file = writeWav("inbound-answered-1795418999.0.wav", 8000, 16000);
		this.events.publishEvent(ended(callId, "1795418999.0", "1795418999.1"));

		awaitRecordings(callId, 1);
		Map<String, Object> row = recording(callId);
		assertThat(row).containsEntry("origin", "CALL_END").containsEntry("source_path", key(file));
		assertThat(row.get("size_bytes")).isEqualTo(Files.size(file));
		assertThat(this.recorded.callIds()).contains(callId);
	}

	@Test
	void aFileStillBeingWrittenIsAttachedOnlyOnceItStopsGrowing() throws Exception {
		long callId = endedCall("1795419100.5");
		Path file = writeWav("support-1795419100.5.wav", 8000, 8000);
		this.events.publishEvent(ended(callId, "1795419100.5"));
		// Asterisk goes on writing after the call's end, on its own clock: five more blocks, 100 ms apart.
		ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
		AtomicInteger appended = new AtomicInteger();
		try {
			writer.scheduleAtFixedRate(() -> {
				if (appended.get() < 5) {
					appendSilence(file, 800);
					appended.incrementAndGet();
				}
			}, 100, 100, TimeUnit.MILLISECONDS);
			Await.until(Duration.ofSeconds(10), () -> appended.get() == 5);
		}
		finally {
			writer.shutdownNow();
			writer.awaitTermination(10, TimeUnit.SECONDS);
		}
		long finalSize = Files.size(file);

		awaitRecordings(callId, 1);
		assertThat(recording(callId).get("size_bytes")).isEqualTo(finalSize);
	}

	@Test
	void aMissingFileIsNotedOnTheCallAndTheSweepAttachesItWhenItAppears() throws Exception {
		long callId = endedCall("1795419200.7");
		this.events.publishEvent(ended(callId, "1795419200.7"));
		awaitAnomaly(callId);
		assertThat(anomaly(callId)).contains("no recording file found for Uniqueid 1795419200.7");

		Path late = writeWav("support-1795419200.7.wav", 8000, 8000);
		age(late, Duration.ofMinutes(3));
		this.collector.sweep();
		assertThat(recording(callId)).containsEntry("origin", "SWEEP").containsEntry("source_path", key(late));
	}

	@Test
	void theSweepLeavesFilesOfLiveCallsAndYoungFilesAlone() throws Exception {
		long live = call("1795419300.1", "ACTIVE");
		Path liveFile = writeWav("support-1795419300.1.wav", 8000, 8000);
		age(liveFile, Duration.ofMinutes(3));
		long ended = endedCall("1795419300.2");
		writeWav("support-1795419300.2.wav", 8000, 8000);

		this.collector.sweep();
		assertThat(count(live)).isZero();
		assertThat(count(ended)).isZero();
	}

	@Test
	void aFileMatchingNoCallBecomesACallOfItsOwnAfterTheOrphanAge() throws Exception {
		Path orphan = writeWav("inbound-1795419400.9.wav", 8000, 8000);
		age(orphan, Duration.ofMinutes(5));
		this.collector.sweep();
		assertThat(recordingBySource(orphan)).isEmpty();

		age(orphan, Duration.ofMinutes(20));
		this.collector.sweep();
		this.collector.sweep();
		List<Map<String, Object>> rows = recordingBySource(orphan);
		assertThat(rows).hasSize(1);
		long callId = ((Number) rows.get(0).get("call_id")).longValue();
		assertThat(anomaly(callId)).contains("recording found without call events");
	}

	@Test
	void agentAndCustomerFilesBecomeOneStereoRecording() throws Exception {
		long callId = endedCall("1795419500.3");
		Path agent = writeWav("support-1795419500.3-agent.wav", 8000, 4000);
		Path customer = writeWav("support-1795419500.3-customer.wav", 8000, 6000);
		this.events.publishEvent(ended(callId, "1795419500.3"));

		awaitRecordings(callId, 1);
		Map<String, Object> row = recording(callId);
		assertThat(row).containsEntry("channel_map", "agent,customer")
			.containsEntry("source_path", key(agent) + "|" + key(customer));
		// 6000 stereo frames of 4 bytes (the shorter agent file padded) plus the 44-byte header.
		assertThat(row.get("size_bytes")).isEqualTo(44L + 6000 * 4);
	}

	@Test
	void aPerPartyPairFoundAfterTheMixedFileIsTranscribedInstead() throws Exception {
		long callId = endedCall("1795419700.6");
		Path mixed = writeWav("support-1795419700.6.wav", 8000, 8000);
		this.events.publishEvent(ended(callId, "1795419700.6"));
		awaitRecordings(callId, 1);
		// The pair shows up only after the mixed file was attached and announced (a sweep's listing taken before the
		// pair existed, a slow share): the call is still transcribed per speaker.
		Path agent = writeWav("support-1795419700.6-agent.wav", 8000, 4000);
		Path customer = writeWav("support-1795419700.6-customer.wav", 8000, 4000);
		for (Path file : List.of(mixed, agent, customer)) {
			age(file, Duration.ofMinutes(3));
		}
		this.collector.sweep();

		assertThat(count(callId)).isEqualTo(2);
		List<CallRecorded> announced = this.recorded.of(callId);
		assertThat(announced).extracting(CallRecorded::channelMap)
			.containsExactly(List.of(), List.of("agent", "customer"));
		assertThat(recordingBySource(mixed).get(0).get("id")).isEqualTo(announced.get(0).recordingId());
		assertThat(this.recordings.transcribed(callId).orElseThrow().id()).isEqualTo(announced.get(1).recordingId());
	}

	@Test
	void aMixedFileFoundAfterThePairIsKeptButNotTranscribed() throws Exception {
		long callId = endedCall("1795419710.2");
		writeWav("support-1795419710.2-agent.wav", 8000, 4000);
		writeWav("support-1795419710.2-customer.wav", 8000, 4000);
		this.events.publishEvent(ended(callId, "1795419710.2"));
		awaitRecordings(callId, 1);
		Path mixed = writeWav("support-1795419710.2.wav", 8000, 8000);
		for (String name : List.of("support-1795419710.2.wav", "support-1795419710.2-agent.wav",
				"support-1795419710.2-customer.wav")) {
			age(this.dir.resolve(name), Duration.ofMinutes(3));
		}
		this.collector.sweep();

		assertThat(count(callId)).isEqualTo(2);
		assertThat(recordingBySource(mixed)).hasSize(1);
		assertThat(this.recorded.of(callId)).singleElement()
			.satisfies((event) -> assertThat(event.channelMap()).containsExactly("agent", "customer"));
		assertThat(this.recordings.transcribed(callId).orElseThrow().channelMap()).containsExactly("agent", "customer");
	}

	@Test
	void twoRecordingsOfACallStoredAtOnceAreAnnouncedOnce() throws Exception {
		long callId = endedCall("1795419720.8");
		Path one = writeWav("support-1795419720.8.wav", 8000, 8000);
		Path two = writeWav("supervisor-1795419720.8.wav", 8000, 8000);
		// The first announcement waits, inside its transaction, until the other recording was either announced too
		// or is waiting for a lock: without one, both counted no recording and both were announced.
		this.recorded.holdFirstOf(callId, () -> this.recorded.of(callId).size() > 1 || waitingForALock());
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<Optional<Long>>> attached = threads.invokeAll(List.of(
					() -> this.recordings.attach(callId, key(one), one, List.of(), "SWEEP"),
					() -> this.recordings.attach(callId, key(two), two, List.of(), "SWEEP")));
			for (Future<Optional<Long>> recording : attached) {
				assertThat(recording.get()).isPresent();
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(count(callId)).isEqualTo(2);
		assertThat(this.recorded.of(callId)).hasSize(1);
	}

	@Test
	void theCallEndAndTheSweepNeverAttachTheSameFileTwice() throws Exception {
		long callId = endedCall("1795419600.4");
		Path file = writeWav("support-1795419600.4.wav", 8000, 8000);
		this.events.publishEvent(ended(callId, "1795419600.4"));
		awaitRecordings(callId, 1);
		age(file, Duration.ofMinutes(30));
		this.collector.sweep();
		assertThat(count(callId)).isEqualTo(1);
	}

	private long endedCall(String... uniqueids) {
		return call(uniqueids, "ENDED");
	}

	private long call(String uniqueid, String state) {
		return call(new String[] { uniqueid }, state);
	}

	private long call(String[] uniqueids, String state) {
		long id = this.jdbc.sql("""
				insert into call (source, server, linkedid, started_at, state)
				values ('ASTERISK', 'pbx1', :linkedid, now(), :state) returning id""")
			.param("linkedid", uniqueids[0])
			.param("state", state)
			.query(Long.class)
			.single();
		for (String uniqueid : uniqueids) {
			this.jdbc.sql("insert into call_leg (server, uniqueid, call_id, channel) values ('pbx1', :u, :id, 'x')")
				.param("u", uniqueid)
				.param("id", id)
				.update();
		}
		return id;
	}

	private static CallEnded ended(long callId, String... uniqueids) {
		Instant now = Instant.now();
		return new CallEnded(callId, "pbx1", uniqueids[0], List.of(uniqueids), "support", "agent1", "5550100", null,
				Direction.INBOUND, CallOutcome.ANSWERED, now.minusSeconds(20), now.minusSeconds(19),
				now.minusSeconds(15), now, 4.0, 1, null, null);
	}

	private Path writeWav(String name, int rate, int samples) throws IOException {
		Path file = this.dir.resolve(name);
		ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
		header.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVEfmt ".getBytes()).putInt(16);
		header.putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2).putShort((short) 2);
		header.putShort((short) 16).put("data".getBytes()).putInt(samples * 2);
		try (OutputStream out = Files.newOutputStream(file)) {
			out.write(header.array());
			for (int i = 0; i < samples; i++) {
				short sample = (short) (8000 * Math.sin(i * 2 * Math.PI * 440 / rate));
				out.write(sample & 0xff);
				out.write((sample >> 8) & 0xff);
			}
		}
		return file;
	}

	private static void appendSilence(Path file, int samples) {
		try {
			Files.write(file, new byte[samples * 2], StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void age(Path file, Duration age) throws IOException {
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
	}

	private static String key(Path file) {
		return file.toAbsolutePath().normalize().toString();
	}

	private void awaitRecordings(long callId, int expected) throws InterruptedException {
		Await.until(Duration.ofSeconds(10), () -> count(callId) >= expected);
		assertThat(count(callId)).isEqualTo(expected);
	}

	private void awaitAnomaly(long callId) throws InterruptedException {
		Await.until(Duration.ofSeconds(10), () -> anomaly(callId) != null);
	}

	private long count(long callId) {
		return this.jdbc.sql("select count(*) from recording where call_id = :id").param("id", callId)
			.query(Long.class).single();
	}

	private Map<String, Object> recording(long callId) {
		return this.jdbc.sql("select * from recording where call_id = :id").param("id", callId).query().singleRow();
	}

	private List<Map<String, Object>> recordingBySource(Path file) {
		return this.jdbc.sql("select * from recording where source_path = :s").param("s", key(file)).query().listOfRows();
	}

	/** Whether a session of this database waits for a lock (here: the other recording's registration). */
	private boolean waitingForALock() {
		return this.jdbc.sql("""
				select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'""")
			.query(Long.class)
			.single() > 0;
	}

	private String anomaly(long callId) {
		return this.jdbc.sql("select anomaly from call where id = :id").param("id", callId)
			.query(String.class).optional().orElse(null);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Recorded {

		private final List<CallRecorded> events = new CopyOnWriteArrayList<>();

		private final Map<Long, BooleanSupplier> holds = new ConcurrentHashMap<>();

		@EventListener
		void on(CallRecorded event) throws InterruptedException {
			boolean first = of(event.callId()).isEmpty();
			this.events.add(event);
			BooleanSupplier until = this.holds.get(event.callId());
			if (first && until != null) {
				Await.until(Duration.ofSeconds(10), until);
			}
		}

		List<Long> callIds() {
			return this.events.stream().map(CallRecorded::callId).toList();
		}

		List<CallRecorded> of(long callId) {
			return this.events.stream().filter((event) -> event.callId() == callId).toList();
		}

		/** The call's first announcement returns only once {@code until} holds. */
		void holdFirstOf(long callId, BooleanSupplier until) {
			this.holds.put(callId, until);
		}

	}

}
