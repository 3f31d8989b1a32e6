package io.callqa.telephony.survey;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.stereotype.Component;

import io.callqa.telephony.asteriskconf.ConfFile;
import io.callqa.telephony.asteriskconf.Dialplan;
import io.callqa.telephony.asteriskconf.Sounds;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's dialplan runs the survey after the agent hangs up, with what the script reads, and its default
 * prompts are shipped.
 */
class SurveyDialplanTests {

	private final Dialplan dialplan = Dialplan.load();

	@Test
	void theCallerReachesTheSurveyWhenTheAgentHangsUp() {
		String script = SurveyScript.class.getAnnotation(Component.class).value();
		Dialplan.Step queue = this.dialplan.calls("Queue").get(0);
		assertThat(queue.arguments().get(1)).as("Queue option c").contains("c");
		List<Dialplan.Step> context = this.dialplan.steps(queue.context());
		List<Dialplan.Step> surveys = context.stream()
			.filter((step) -> step.application().equals("AGI")
					&& this.dialplan.expandGlobals(step.arguments().get(0)).matches("agi://[^/]+/" + script + "(\\?.*)?"))
			.toList();
		assertThat(surveys).as("[%s] runs the %s script", queue.context(), script).hasSize(1);
		assertThat(context.indexOf(surveys.get(0))).isGreaterThan(context.indexOf(queue));
		// QUEUENAME and MEMBERNAME, which the script reads, are set only with these.
		for (ConfFile.Section section : ConfFile.load("queues.conf").sections()) {
			if (!section.name().equals("general")) {
				assertThat(section.value("setqueuevar")).hasValue("yes");
				assertThat(section.value("setinterfacevar")).hasValue("yes");
			}
		}
	}

	@Test
	void theDefaultPromptsAreShipped() throws Exception {
		SurveyProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
			.bindOrCreate("callqa.telephony.survey", SurveyProperties.class);
		for (String prompt : List.of(defaults.prompt(), defaults.retryPrompt(), defaults.thanksPrompt())) {
			Sounds.assertPlayable(prompt);
		}
	}

}
