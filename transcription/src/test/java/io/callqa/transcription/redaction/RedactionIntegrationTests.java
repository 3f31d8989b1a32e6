package io.callqa.transcription.redaction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.callqa.TranscriptionTestApplication;
import io.callqa.telephony.Calls;
import io.callqa.telephony.Direction;
import io.callqa.telephony.NewRecordedCall;
import io.callqa.transcription.Eventually;
import io.callqa.transcription.Matching;
import io.callqa.transcription.Redaction;
import io.callqa.transcription.SearchQuery;
import io.callqa.transcription.TestAudio;
import io.callqa.transcription.Transcript;
import io.callqa.transcription.TranscriptionStatus;
import io.callqa.transcription.Transcriptions;
import io.callqa.transcription.Word;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A payment call read aloud ({@code card-call-stereo-8k.wav}, agent left, customer right: the customer reads a card
 * number in groups of four and a security code, the agent reads the number back), transcribed by the real Vosk
 * model in the default mode, redact: the digits are in no table, not in the index and not found by search, and the
 * stored recording is silent or a steady tone over those seconds on both channels.
 */
// Its own context and database (the property is the default): the every-table check sees only this call.
@SpringBootTest(classes = TranscriptionTestApplication.class, properties = "callqa.redaction.mode=redact")
class RedactionIntegrationTests {

	private static final String FILE = "card-call-stereo-8k.wav";

	/** Every number word the script reads (it has no other numbers). */
	private static final Pattern DIGIT_WORDS = Pattern
		.compile("\\b(zero|oh|one|two|three|four|five|six|seven|eight|nine|forty|fifty|seventy|eighty|ninety)\\b");

	@Autowired
	Calls calls;

	@Autowired
	Transcriptions transcriptions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCardNumberReadAloudIsInNoTableNotIndexedNotFoundAndNotHeard() throws IOException {
		long callId = upload();
		TranscriptionStatus status = Eventually.await("transcription of call " + callId, Duration.ofMinutes(5),
				() -> this.transcriptions.statusOf(callId).orElseThrow(),
				(s) -> s.state().equals("DONE") || s.state().equals("FAILED"));
		assertThat(status.state()).as(status.reason()).isEqualTo("DONE");
		Transcript transcript = this.transcriptions.transcriptOf(callId).orElseThrow();

		assertThat(transcript.redactions()).extracting(Redaction::kind)
			.contains(RedactionDetector.CARD_NUMBER, RedactionDetector.SECURITY_CODE);
		assertThat(transcript.redactions()).allSatisfy((r) -> {
			assertThat(r.redacted()).isTrue();
			assertThat(r.heard()).isNull();
		});
		assertThat(transcript.redactions()).filteredOn((r) -> r.kind().equals(RedactionDetector.CARD_NUMBER))
			.extracting(Redaction::speaker)
			.contains("customer", "agent");
		assertThat(transcript.text()).contains("[card number]", "[security code]");
		assertThat(transcript.text()).doesNotContainPattern(DIGIT_WORDS);
		// The replacement carries the span's times and nothing else.
		Word label = transcript.utterances().stream().flatMap((u) -> u.words().stream())
			.filter((w) -> w.word().equals("[card number]")).findFirst().orElseThrow();
		assertThat(label.conf()).isEqualTo(1.0);

		// Every table: nothing that was said of the number is stored anywhere (words, text, checkpoints, reasons).
		List<String> tables = this.jdbc.sql("""
				select table_name from information_schema.tables
				where table_schema = current_schema() and table_type = 'BASE TABLE'""").query(String.class).list();
		for (String table : tables) {
			List<String> rows = this.jdbc.sql("select t::text from \"" + table + "\" t").query(String.class).list();
			assertThat(rows).as(table).noneMatch((row) -> DIGIT_WORDS.matcher(row).find() || row.contains("4556")
					|| row.contains("9855"));
		}

		// The index: the call is there (found as "card number" and by its other words), the digits are not.
		assertThat(awaitHits("payment")).anyMatch((id) -> id == callId);
		assertThat(hits("\"card number\"")).contains(callId);
		for (String q : List.of("\"four five five six\"", "\"nine eight five five\"", "seven", "eight", "nine",
				"\"seven two one\"", "4556", "4556737586899855", "\"4556 7375 8689 9855\"", "721")) {
			assertThat(hits(q)).as(q).doesNotContain(callId);
		}

		// The audio: silent or a steady tone over every span, on both channels.
		Path stored = this.calls.find(callId).recording().path();
		short[][] channels = Wav.channels(stored);
		assertThat(channels).hasNumberOfRows(2);
		for (Redaction redaction : transcript.redactions()) {
			for (short[] channel : channels) {
				assertThat(Wav.silentOrSteady(channel, redaction.start(), redaction.end()))
					.as("%s at %.2f-%.2f s", redaction.kind(), redaction.start(), redaction.end())
					.isTrue();
			}
		}
		// ... and only there: the customer's first words are still speech.
		short[][] original = Wav.channels(TestAudio.file(FILE));
		assertThat(Arrays.equals(channels[0], 0, 8000 * 3, original[0], 0, 8000 * 3)).isTrue();
	}

	private long upload() throws IOException {
		NewRecordedCall call = new NewRecordedCall(FILE, "alice", "payments", "+15550100", null, Direction.INBOUND,
				List.of("agent", "customer"));
		try (InputStream audio = Files.newInputStream(TestAudio.file(FILE))) {
			return this.calls.registerUpload(call, audio);
		}
	}

	private List<Long> awaitHits(String q) {
		return Eventually.await("search " + q, Duration.ofSeconds(10), () -> hits(q), (ids) -> !ids.isEmpty());
	}

	/** The calls found in any matching mode (exact, stemmed, sounds-like). */
	private List<Long> hits(String q) {
		return Arrays.stream(Matching.values())
			.map((matching) -> this.transcriptions.search(SearchQuery.of(q).page(0, 100).with(matching)))
			.flatMap((results) -> results.hits().stream())
			.map((hit) -> hit.callId())
			.distinct()
			.toList();
	}

	/** Reads 16-bit PCM WAV files as they are stored. */
	static final class Wav {

		static short[][] channels(Path file) throws IOException {
			ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
			int channels = 0;
			int pos = 12;
			while (pos + 8 <= bytes.limit()) {
				String id = new String(bytes.array(), pos, 4, java.nio.charset.StandardCharsets.US_ASCII);
				int size = bytes.getInt(pos + 4);
				if (id.equals("fmt ")) {
					assertThat(bytes.getShort(pos + 8)).as("PCM").isEqualTo((short) 1);
					channels = bytes.getShort(pos + 10);
					assertThat(bytes.getShort(pos + 22)).as("16 bit").isEqualTo((short) 16);
				}
				else if (id.equals("data")) {
					int frames = Math.min(size, bytes.limit() - pos - 8) / (2 * channels);
					short[][] result = new short[channels][frames];
					for (int f = 0; f < frames; f++) {
						for (int c = 0; c < channels; c++) {
							result[c][f] = bytes.getShort(pos + 8 + (f * channels + c) * 2);
						}
					}
					return result;
				}
				pos += 8 + size + (size & 1);
			}
			throw new IOException("no data chunk in " + file);
		}

		/** Every 20 ms frame of the seconds is silent, or all have the same loudness (a tone) within 10 %. */
		static boolean silentOrSteady(short[] samples, double startSec, double endSec) {
			int from = (int) Math.floor(startSec * 8000);
			int to = Math.min(samples.length, (int) Math.ceil(endSec * 8000));
			double[] rms = new double[Math.max(0, (to - from) / 160)];
			for (int f = 0; f < rms.length; f++) {
				double sum = 0;
				for (int i = 0; i < 160; i++) {
					double s = samples[from + f * 160 + i];
					sum += s * s;
				}
				rms[f] = Math.sqrt(sum / 160);
			}
			double max = Arrays.stream(rms).max().orElse(0);
			double min = Arrays.stream(rms).min().orElse(0);
			return max < 30 || min >= 0.9 * max;
		}

	}

}
