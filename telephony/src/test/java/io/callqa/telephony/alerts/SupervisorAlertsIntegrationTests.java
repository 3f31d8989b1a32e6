package io.callqa.telephony.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.callqa.TelephonyTestApplication;
import io.callqa.telephony.AlertFilter;
import io.callqa.telephony.AlertKind;
import io.callqa.telephony.AlertNotFoundException;
import io.callqa.telephony.SupervisorAlert;
import io.callqa.telephony.SupervisorAlerts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tests for {@link SupervisorAlerts}.
 */
@SpringBootTest(classes = TelephonyTestApplication.class, webEnvironment = WebEnvironment.NONE,
		properties = "callqa.telephony.alerts.overdue-check-interval=1h")
class SupervisorAlertsIntegrationTests {

	private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

	@Autowired
	private SupervisorAlerts alerts;

	@Autowired
	private JdbcClient jdbc;

	private final String queue = "q-" + UUID.randomUUID();

	@Test
	void raiseOverdueCallbacksWhenRunTwiceShouldAlertEachOverdueRequestOnce() {
		long open = insertRequest("5550001", "OPEN", NOW.minusSeconds(60));
		long dialling = insertRequest("5550002", "DIALLING", NOW.minusSeconds(1));
		insertRequest("5550003", "OPEN", NOW.plusSeconds(60));
		insertRequest("5550004", "DONE", NOW.minus(Duration.ofHours(2)));
		insertRequest("5550005", "CANCELLED", NOW.minus(Duration.ofHours(2)));

		this.alerts.raiseOverdueCallbacks(NOW);
		this.alerts.raiseOverdueCallbacks(NOW.plusSeconds(30));

		List<SupervisorAlert> raised = this.alerts.open(filter(AlertKind.OVERDUE_CALLBACK));
		assertThat(raised).extracting(SupervisorAlert::callbackRequestId).containsExactlyInAnyOrder(open, dialling);
		assertThat(raised).allSatisfy((alert) -> assertThat(alert.agent()).isEqualTo("agent1"));
		assertThat(raised).anySatisfy((alert) -> assertThat(alert.detail())
			.isEqualTo("Callback " + open + " to 5550001 promised by 2026-03-10T11:59:00Z is still OPEN"));
	}

	@Test
	void raiseOverdueCallbacksWhenPromiseLaterPassesShouldAlertThenOnly() {
		long request = insertRequest("5550011", "OPEN", NOW.plusSeconds(60));

		assertThat(this.alerts.raiseOverdueCallbacks(NOW)).isZero();
		this.alerts.raiseOverdueCallbacks(NOW.plusSeconds(61));
		this.alerts.raiseOverdueCallbacks(NOW.plusSeconds(120));

		assertThat(this.alerts.all(filter(AlertKind.OVERDUE_CALLBACK))).extracting(SupervisorAlert::callbackRequestId)
			.containsExactly(request);
	}

	@Test
	void acknowledgeWhenOpenShouldCloseAlertAndKeepItInAll() {
		long id = this.alerts.raise(AlertKind.LOW_SURVEY, null, "agent2", this.queue, "Survey score 2/10");

		SupervisorAlert acknowledged = this.alerts.acknowledge(id, "supervisor1");
		this.alerts.acknowledge(id, "supervisor2");

		assertThat(acknowledged.acknowledgedBy()).isEqualTo("supervisor1");
		assertThat(this.alerts.open(filter(null))).isEmpty();
		assertThat(this.alerts.all(filter(null))).singleElement()
			.satisfies((alert) -> assertThat(alert.acknowledgedBy()).isEqualTo("supervisor1"));
	}

	@Test
	void openWhenFilteredByAgentAndKindShouldListOnlyMatches() {
		this.alerts.raise(AlertKind.LOW_SURVEY, null, "agent2", this.queue, "Survey score 2/10");
		this.alerts.raise(AlertKind.LOW_SURVEY, null, "agent3", this.queue, "Survey score 1/10");
		this.alerts.raise(AlertKind.FAILED_CRITICAL, null, "agent2", this.queue, "Blamed the customer");

		assertThat(this.alerts.open(new AlertFilter(AlertKind.LOW_SURVEY, this.queue, "agent2", null, null)))
			.extracting(SupervisorAlert::detail)
			.containsExactly("Survey score 2/10");
	}

	@Test
	void acknowledgeWhenUnknownIdShouldThrowAlertNotFound() {
		assertThatExceptionOfType(AlertNotFoundException.class).isThrownBy(() -> this.alerts.acknowledge(-1, "s"))
			.withMessage("No supervisor alert with id -1");
	}

	private AlertFilter filter(AlertKind kind) {
		return new AlertFilter(kind, this.queue, null, null, null);
	}

	private long insertRequest(String number, String state, Instant promisedBy) {
		return this.jdbc.sql("""
				insert into callback_request (queue, number, source, requested_at, promised_by, next_attempt_at,
				    assigned_agent, state, max_attempts)
				values (:queue, :number, 'IVR', :requested, :promised, :requested, 'agent1', :state, 3) returning id""")
			.param("queue", this.queue)
			.param("number", number)
			.param("requested", Timestamp.from(promisedBy.minus(Duration.ofHours(1))))
			.param("promised", Timestamp.from(promisedBy))
			.param("state", state)
			.query(Long.class)
			.single();
	}

}
