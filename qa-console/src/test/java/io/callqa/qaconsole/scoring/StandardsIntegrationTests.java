package io.callqa.qaconsole.scoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.scoring.Scorecard.Item;
import io.callqa.qaconsole.scoring.Scorecard.ItemType;
import io.callqa.qaconsole.scoring.Scorecard.Section;
import io.callqa.telephony.CallNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Standards} on the real database: the default standard, versions and queue assignments.
 */
@SpringBootTest(classes = CallQaApplication.class)
@ActiveProfiles("test")
class StandardsIntegrationTests {

	@Autowired
	Standards standards;

	@Autowired
	Evaluations evaluations;

	@Autowired
	JdbcClient jdbc;

	@Test
	void startupShouldHaveCreatedTheDefaultStandardOnceAndAgainShouldNotCreateIt() {
		assertThat(this.standards.createDefaultIfAbsent()).isFalse();
		assertThat(this.standards.list()).filteredOn((standard) -> standard.name().equals(Standards.DEFAULT_NAME))
			.singleElement()
			.extracting(Standard::currentVersion)
			.isEqualTo(1);
		StandardDetails standard = this.standards.find(this.standards.defaultStandard().id());
		assertThat(standard.versions()).hasSize(1);
		assertThat(standard.current().scorecard()).isEqualTo(DefaultStandard.scorecard());
	}

	@Test
	void editShouldCreateTheNextVersionAndKeepTheOldOne() {
		StandardDetails created = this.standards.create(name(), "Sales line", card("offer"), "sup");
		ScorecardVersion second = this.standards.edit(created.standard().id(), card("upsell"), null, "sup2");
		StandardDetails edited = this.standards.find(created.standard().id());
		assertThat(second.version()).isEqualTo(2);
		assertThat(second.createdBy()).isEqualTo("sup2");
		assertThat(edited.current()).isEqualTo(second);
		assertThat(edited.versions()).extracting(ScorecardVersion::version).containsExactly(2, 1);
		assertThat(this.standards.version(created.current().id()).scorecard()).isEqualTo(card("offer"));
		assertThat(edited.standard().description()).isEqualTo("Sales line");
	}

	@Test
	void evaluationShouldKeepTheVersionItStartedWithAfterAnEdit() {
		String queue = "q-" + UUID.randomUUID();
		StandardDetails created = this.standards.create(name(), null, card("offer"), "sup");
		this.standards.assign(queue, created.standard().id());
		long call = new TestCalls(this.jdbc).recorded(TestCalls.agent(), queue, Instant.now());
		Evaluation draft = this.evaluations.start(call, "sup");
		this.standards.edit(created.standard().id(), card("upsell"), null, "sup");
		this.evaluations.answer(draft.id(), List.of(Answer.of("offer", 1)), null);
		Evaluation submitted = this.evaluations.submit(draft.id(), null);
		assertThat(submitted.scorecardVersionId()).isEqualTo(created.current().id());
		assertThat(submitted.score()).isEqualTo(100.0);
		assertThat(this.standards.forCall(call).version()).isEqualTo(2);
	}

	@Test
	void forCallShouldUseTheQueuesStandardElseTheDefault() {
		String queue = "q-" + UUID.randomUUID();
		StandardDetails created = this.standards.create(name(), null, card("offer"), "sup");
		this.standards.assign(queue, created.standard().id());
		TestCalls calls = new TestCalls(this.jdbc);
		long assigned = calls.recorded("a", queue, Instant.now());
		long other = calls.recorded("a", "other-" + queue, Instant.now());
		long noQueue = calls.recorded("a", null, Instant.now());
		assertThat(this.standards.forCall(assigned)).isEqualTo(created.current());
		assertThat(this.standards.forCall(other).standardId()).isEqualTo(this.standards.defaultStandard().id());
		assertThat(this.standards.forCall(noQueue).standardId()).isEqualTo(this.standards.defaultStandard().id());
		assertThat(this.standards.list()).filteredOn((standard) -> standard.id() == created.standard().id())
			.singleElement()
			.extracting(Standard::queues)
			.isEqualTo(List.of(queue));
	}

	@Test
	void unknownIdsAndDuplicatesShouldBeRefused() {
		String name = name();
		this.standards.create(name, null, card("a"), "sup");
		assertThatExceptionOfType(DuplicateStandardException.class)
			.isThrownBy(() -> this.standards.create(name, null, card("a"), "sup"));
		assertThatExceptionOfType(StandardNotFoundException.class).isThrownBy(() -> this.standards.find(987654));
		assertThatExceptionOfType(StandardNotFoundException.class)
			.isThrownBy(() -> this.standards.assign("q", 987654));
		assertThatExceptionOfType(CallNotFoundException.class).isThrownBy(() -> this.standards.forCall(987654));
	}

	static String name() {
		return "Standard " + UUID.randomUUID();
	}

	static Scorecard card(String key) {
		return new Scorecard(80, List.of(new Section("Only", List.of(new Item(key, "Item " + key, 1, ItemType.YES_NO,
				null, false, false, "guidance")))));
	}

}
