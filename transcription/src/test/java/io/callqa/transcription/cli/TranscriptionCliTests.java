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
		// Without --alternatives the output is as it was before the option: no word has any.
		assertThat(lines.get(0).path("words").values()).isNotEmpty()
			.allSatisfy((word) -> assertThat(word.has("alternatives")).as("%s", word).isFalse());
		assertThat(lines.get(1).path("error").asString()).contains("not a WAV file");
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("files=2 failed=1", "realTimeFactor=", "threads=2")
			.doesNotContain("alternatives");
	}

	/**
	 * With {@code --alternatives}: the words carry what was almost heard (the default output, without them, is the
	 * test above).
	 */
	@Test
	void runWithAlternativesShouldWriteEachWordsAlternatives() throws Exception {
		String file = TestAudio.file("conversation-8k.wav").toString();
		assertThat(run("--threads", "1", "--alternatives", "5", file)).isEqualTo(0);
		List<JsonNode> heard = words(this.out.toString(StandardCharsets.UTF_8));
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("files=1 failed=0", "alternatives=5");
		assertThat(heard).isNotEmpty()
			.allSatisfy((word) -> assertThat(word.path("alternatives").isArray()).as("%s", word).isTrue());
		List<JsonNode> withAlternatives = heard.stream().filter((word) -> !word.path("alternatives").isEmpty()).toList();
		assertThat(withAlternatives).as("words with alternatives among %s", heard).isNotEmpty();
		assertThat(withAlternatives).allSatisfy((word) -> assertThat(word.path("alternatives").values())
			.map(JsonNode::asString)
			.doesNotContain(word.path("word").asString())
			.allMatch((alternative) -> alternative.matches("[a-z][a-z']*")));
	}

	@Test
	void runWhenCommandLineIsWrongShouldPrintUsageAndExit2() throws Exception {
		assertThat(run("--threads", "none", "a.wav")).isEqualTo(2);
		assertThat(run()).isEqualTo(2);
		assertThat(run("--alternatives", "-1", "a.wav")).isEqualTo(2);
		assertThat(run("a.wav", "--alternatives")).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("usage: java -jar transcription-cli.jar",
				"--alternatives needs a non-negative number, not '-1'", "--alternatives needs a value");
	}

	/** The words of the one JSON line printed. */
	private static List<JsonNode> words(String out) {
		List<String> lines = out.lines().toList();
		assertThat(lines).hasSize(1);
		return List.copyOf(JsonMapper.builder().build().readTree(lines.get(0)).path("words").values());
	}

	private int run(String... args) throws Exception {
		return TranscriptionCli.run(new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8), args);
	}

}
