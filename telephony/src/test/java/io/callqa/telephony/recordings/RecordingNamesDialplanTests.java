package io.callqa.telephony.recordings;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.callqa.telephony.asteriskconf.Dialplan;
import io.callqa.telephony.asteriskconf.RecordingNames;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file the repository's dialplan records is one the collector recognises: named by the Uniqueid of a leg of
 * the call, with the party the file's name says.
 */
class RecordingNamesDialplanTests {

	private static final String CALLER = "1796047513.4";

	private static final String LEG = "1796047513.7";

	private final Dialplan dialplan = Dialplan.load();

	@Test
	void everyMixMonitorFileIsNamedAsTheCollectorExpects() {
		int files = 0;
		for (Dialplan.Step step : this.dialplan.calls("MixMonitor")) {
			for (Map.Entry<Character, String> file : RecordingNames.files(step).entrySet()) {
				// The per-party base is set on the caller's channel and inherited by the agent's: the caller's id.
				String name = this.dialplan.expandGlobals(file.getValue())
					.replace("${PERPARTY_BASE}", this.dialplan.expandGlobals(perPartyBase()).replace("${UNIQUEID}", CALLER))
					.replace("${UNIQUEID}", LEG);
				assertThat(name).as("%s: everything expanded", step.where()).doesNotContain("${");
				RecordingFiles.Named named = RecordingFiles.parse(Path.of(name))
					.orElseThrow(() -> new AssertionError(step.where() + ": " + name + " is not a recording name"));
				assertThat(named.candidates().get(0)).as("%s: the plain Uniqueid it stands for", name).isIn(CALLER, LEG);
				RecordingFiles.Party party = switch (file.getKey()) {
					case 'r', 't' -> name.endsWith("-agent.wav") ? RecordingFiles.Party.AGENT
							: RecordingFiles.Party.CUSTOMER;
					default -> RecordingFiles.Party.MIXED;
				};
				assertThat(named.party()).as(name).isEqualTo(party);
				files++;
			}
		}
		assertThat(files).as("mixed and per-party files of inbound and callback calls").isEqualTo(6);
	}

	private String perPartyBase() {
		return this.dialplan.calls("Set")
			.stream()
			.map(Dialplan.Step::data)
			.filter((data) -> data.startsWith("__PERPARTY_BASE="))
			.map((data) -> data.substring("__PERPARTY_BASE=".length()))
			.findFirst()
			.orElseThrow();
	}

}
