package io.callqa.qaconsole;

import java.nio.file.Path;
import java.util.UUID;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.callqa.CallQaApplication;

/**
 * One Spring context (per test JVM) for the tests that look at what the server keeps on disk and delete it: retention,
 * erasure, deletion and data at rest. Everything lives under one data directory of its own, new for every run, which
 * the server creates itself; no other test's calls are in its database, so a retention run may delete by age. The
 * daily schedule is started by the tests, not the clock. Subclasses share the context because they inherit one
 * configuration; each uses its own numbers, queues and agents.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "callqa.retention.schedule.enabled=false")
@ActiveProfiles("test")
public abstract class OwnDataDirectoryTests {

	/** The server's data directory: {@code postgres}, {@code recordings}, {@code index} and Asterisk's {@code spool}. */
	public static final Path DATA = Path.of("target/test-data/own-data-" + UUID.randomUUID(), "data");

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("callqa.db.embedded.data-dir", () -> DATA.resolve("postgres").toString());
		registry.add("callqa.telephony.recordings.dir", () -> DATA.resolve("recordings").toString());
		registry.add("callqa.telephony.recordings.asterisk.dir", () -> DATA.resolve("spool").toString());
		registry.add("callqa.transcription.index.dir", () -> DATA.resolve("index").toString());
	}

}
