package io.callqa.qaconsole.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Http;

/**
 * A queue or agent name that a spreadsheet would run as a formula is exported defused, over real HTTP.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CsvExportIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@ValueSource(strings = { "\t=HYPERLINK(\"http://x\")", "\r=1+2", " =1+2", "@SUM(1)" })
	void formulaNamesAreExportedDefused(String agent) {
		Instant at = Instant.parse("2026-03-0" + (1 + Math.abs(agent.hashCode() % 8)) + "T10:00:00Z");
		this.jdbc.sql("""
				insert into call (source, server, linkedid, agent, queue, caller_number, direction, started_at,
				  entered_at, ended_at, state, outcome, wait_sec, talk_sec)
				values ('ASTERISK', 'pbx1', gen_random_uuid()::text, :agent, 'csv-q', '5550300', 'INBOUND', :at, :at,
				  cast(:at as timestamptz) + interval '60 seconds', 'ENDED', 'ANSWERED', 5, 55)""")
			.param("agent", agent)
			.param("at", Timestamp.from(at))
			.update();
		HttpResponse<String> csv = new Http(this.port).get("/api/dashboard/export.csv?groupBy=AGENT&from=" + at
				+ "&to=" + at.plusSeconds(3600));
		assertThat(csv.statusCode()).isEqualTo(200);
		String quoted = "\"'" + agent.replace("\"", "\"\"") + "\"";
		assertThat(csv.body()).contains("\r\n" + quoted + ",1,1,");
	}

}
