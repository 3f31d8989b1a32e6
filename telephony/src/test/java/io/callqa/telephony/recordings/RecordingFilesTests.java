package io.callqa.telephony.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.callqa.telephony.recordings.RecordingFiles.Named;
import io.callqa.telephony.recordings.RecordingFiles.Party;

/**
 * File names as Asterisk's MixMonitor writes them, with and without {@code systemname} in asterisk.conf.
 */
class RecordingFilesTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			support-1796047513.0.wav                | support-1796047513.0          | MIXED    | 1796047513.0
			sales-pbx1-1796047513.0.wav             | sales-pbx1-1796047513.0       | MIXED    | pbx1-1796047513.0
			sales-pbx1-1796047513.0-agent.wav       | sales-pbx1-1796047513.0       | AGENT    | pbx1-1796047513.0
			sales-pbx1-1796047513.0-customer.wav    | sales-pbx1-1796047513.0       | CUSTOMER | pbx1-1796047513.0
			support-pbx-2.example-1796047513.17.wav | support-pbx-2.example-1796047513.17 | MIXED | pbx-2.example-1796047513.17
			pbx1-1796047513.0.wav                   | pbx1-1796047513.0             | MIXED    | pbx1-1796047513.0
			1796047513.0-customer.wav               | 1796047513.0                  | CUSTOMER | 1796047513.0
			support-agent-1796047513.0.wav          | support-agent-1796047513.0    | MIXED    | agent-1796047513.0
			inbound_customer-1796047513.4-agent.WAV | inbound_customer-1796047513.4 | AGENT    | customer-1796047513.4
			""")
	void aNameStandsForItsUniqueidWithOrWithoutASystemname(String name, String stem, Party party, String uniqueid) {
		Named named = RecordingFiles.parse(Path.of("/monitor", name)).orElseThrow();
		assertThat(named.stem()).isEqualTo(stem);
		assertThat(named.party()).isEqualTo(party);
		assertThat(named.candidates()).contains(uniqueid);
	}

	@Test
	void everyUniqueidANameMayStandForIsACandidateShortestFirst() {
		Named named = RecordingFiles.parse(Path.of("sales-pbx-2.example-1796047513.0-agent.wav")).orElseThrow();
		// A dot is part of a systemname, never a separator.
		assertThat(named.candidates()).containsExactly("1796047513.0", "2.example-1796047513.0",
				"pbx-2.example-1796047513.0", "sales-pbx-2.example-1796047513.0");
		assertThat(RecordingFiles.parse(Path.of("1796047513.0.wav")).orElseThrow().candidates())
			.containsExactly("1796047513.0");
	}

	@ParameterizedTest
	@ValueSource(strings = { "support-pbx1.wav", "notes.txt", "support-1796047513.0-supervisor.wav",
			"support-17960.0.wav", "support-1796047513.wav", "support-1796047513.0.mp3" })
	void namesOutsideTheConventionAreIgnored(String name) {
		assertThat(RecordingFiles.parse(Path.of(name))).isEmpty();
	}

	@Test
	void aCallFindsItsFilesByItsUniqueidsWithTheSystemnameAndNoOtherCallsFiles(@TempDir Path dir) throws IOException {
		for (String name : List.of("sales-pbx1-1796047513.0.wav", "sales-pbx1-1796047513.0-agent.wav",
				"sales-pbx1-1796047513.0-customer.wav", "sales-pbx1-1796047513.10.wav",
				"sales-pbx2-1796047513.0.wav")) {
			Files.createFile(dir.resolve(name));
		}
		List<String> found = RecordingFiles.find(dir, List.of("pbx1-1796047513.0", "pbx1-1796047513.1"))
			.stream()
			.map((named) -> named.path().getFileName().toString())
			.sorted()
			.toList();
		assertThat(found).containsExactly("sales-pbx1-1796047513.0-agent.wav", "sales-pbx1-1796047513.0-customer.wav",
				"sales-pbx1-1796047513.0.wav");
		List<RecordingSet> sets = RecordingSet.group(RecordingFiles.find(dir, List.of("pbx1-1796047513.0")));
		assertThat(sets).singleElement().satisfies((set) -> {
			assertThat(set.hasPair()).isTrue();
			assertThat(set.mixed()).hasSize(1);
		});
	}

}
