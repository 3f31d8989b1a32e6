package io.callqa.transcription.jobs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.callqa.TranscriptionTestApplication;

/**
 * Starts extra applications (a server, a worker) sharing one data directory, for the tests that need more than one.
 */
final class TestApplications {

	private TestApplications() {
	}

	/**
	 * Settings go in as command line arguments, so they win over application.properties (builder properties would
	 * not).
	 */
	static ConfigurableApplicationContext start(Path data, String... properties) {
		List<String> args = new ArrayList<>(List.of("--callqa.telephony.recordings.dir=" + data.resolve("recordings"),
				"--callqa.transcription.index.dir=" + data.resolve("index")));
		Arrays.stream(properties).map((property) -> "--" + property).forEach(args::add);
		return new SpringApplicationBuilder(TranscriptionTestApplication.class).web(WebApplicationType.NONE)
			.run(args.toArray(String[]::new));
	}

	/** The JDBC URL another process uses to reach this application's embedded database. */
	static String jdbcUrl(ConfigurableApplicationContext application) {
		return application.getBean(JdbcClient.class)
			.sql("select 'jdbc:postgresql://127.0.0.1:' || current_setting('port') || '/' || current_database()")
			.query(String.class)
			.single();
	}

	/**
	 * What a worker process on the same host passes to log in to the server's embedded database (see README): the
	 * password file the database keeps in its data directory, imported as Spring properties.
	 */
	static String credentialsOf(Path embeddedDataDir) {
		return "spring.config.import=file:" + embeddedDataDir.resolve("callqa-credentials.properties");
	}

}
