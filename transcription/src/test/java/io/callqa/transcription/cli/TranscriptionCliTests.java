package io.callqa.transcription.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.callqa.transcription.TestAudio;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TranscriptionCli}, run in-process with the real bundled model.
 */
class TranscriptionCliTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void runWhenFilesGivenShouldPrintOneJsonLinePerFileAndASummary() throws Exception {
		int status = run("--threads", "2", TestAudio.file("refund-8k.wav").toString(),
				TestAudio.file("not-audio.wav").toString());
		List<JsonNode> lines = this.out.toString(StandardCharsets.UTF_8).lines().map(JsonMapper.builder().build()::readTree).toList();
		assertThat(status).isEqualTo(1);
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0).path("text").asString()).contains("call you back");
		assertThat(lines.get(0).path("durationSec").asDouble()).isBetween(9.7, 9.9);
		assertThat(lines.get(0).path("words").get(0).propertyNames()).contains("word", "start", "end", "conf");
		assertThat(lines.get(1).path("error").asString()).contains("not a WAV file");
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("files=2 failed=1", "realTimeFactor=", "threads=2");
	}

	@Test
	void runWhenCommandLineIsWrongShouldPrintUsageAndExit2() throws Exception {
		assertThat(run("--threads", "none", "a.wav")).isEqualTo(2);
		assertThat(run()).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("usage: java -jar transcription-cli.jar");
	}

	private int run(String... args) throws Exception {
		return TranscriptionCli.run(new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8), args);
	}

}
