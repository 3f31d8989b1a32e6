package io.callqa.qaconsole.scoring;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.scoring.Scorecard.Item;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A default standard saved before items had rules gets them as a new version on start, unless somebody changed it.
 */
@SpringBootTest(classes = CallQaApplication.class)
@ActiveProfiles("test")
class DefaultStandardUpgradeTests {

	@Autowired
	Standards standards;

	@Test
	void theDefaultScorecardWithoutRulesShouldGetThemAsItsNextVersion() {
		StandardDetails old = this.standards.create("Old default " + UUID.randomUUID(), null,
				DefaultStandard.withoutRules(), "system");
		assertThat(old.current().scorecard().items()).allSatisfy((item) -> assertThat(item.rule()).isNull());
		assertThat(this.standards.addDefaultRulesIfUnchanged(old.standard().id())).isTrue();
		ScorecardVersion upgraded = this.standards.current(old.standard().id());
		assertThat(upgraded.version()).isEqualTo(2);
		assertThat(upgraded.scorecard()).isEqualTo(DefaultStandard.scorecard());
		assertThat(this.standards.addDefaultRulesIfUnchanged(old.standard().id())).as("only once").isFalse();
	}

	@Test
	void anEditedDefaultShouldBeLeftAlone() {
		Scorecard edited = new Scorecard(90, DefaultStandard.withoutRules().sections());
		StandardDetails standard = this.standards.create("Edited default " + UUID.randomUUID(), null, edited, "sup");
		assertThat(this.standards.addDefaultRulesIfUnchanged(standard.standard().id())).isFalse();
		assertThat(this.standards.current(standard.standard().id()).version()).isEqualTo(1);
	}

	@Test
	void theDefaultStandardOfANewDatabaseAlreadyHasTheRules() {
		assertThat(this.standards.addDefaultRulesIfUnchanged()).isFalse();
		assertThat(this.standards.forQueue(null).scorecard().items()).filteredOn((item) -> item.rule() != null)
			.extracting(Item::key)
			.containsExactly("greeting.welcome", "greeting.company", "greeting.own-name", "empathy.apology",
					"forbidden.no-blame", "forbidden.no-rudeness", "extra-mile.further-help", "closing.thanks",
					"flow.no-dead-air", "flow.talk-balance");
	}

}
