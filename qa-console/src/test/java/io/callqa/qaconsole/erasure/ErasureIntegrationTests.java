package io.callqa.qaconsole.erasure;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.callqa.qaconsole.Fixtures;
import io.callqa.qaconsole.Http;
import io.callqa.qaconsole.OwnDataDirectoryTests;
import io.callqa.qaconsole.calldata.CustomerRows;
import io.callqa.qaconsole.calldata.DatabaseScan;
import io.callqa.qaconsole.calldata.IndexFiles;
import io.callqa.telephony.Calls;
import io.callqa.transcription.Eventually;
import io.callqa.transcription.SearchQuery;
import io.callqa.transcription.TranscriptionProperties;
import io.callqa.transcription.Transcriptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasure on request over real HTTP, with real uploads, transcription, index, files and database: what is held about
 * a number, its erasure (a call under a legal hold kept as it was), and afterwards no row in any table mentioning the
 * number, no file of its recordings, none of its words in the index's files; the audit without the number; who may
 * call each endpoint.
 */
class ErasureIntegrationTests extends OwnDataDirectoryTests {


	static final String PASSWORD = "erasure-test-pw";

	/**
	 * The columns that name a call, each classified: erasure keeps these rows (anonymised, or nothing of the customer
	 * in them) for the statistics; every other call column's rows are deleted. A table added with a call column fails
	 * {@link #everyCallColumnShouldBeClassified()} until its feature erases its rows (a {@code CallRows}) and it is
	 * listed here or in {@link #ERASED}.
	 */
	static final Set<String> KEPT = Set.of("call.id", "survey_response.call_id", "evaluation.call_id",
			"automatic_evaluation.call_id", "automatic_critical_alert.call_id", "promise.call_id",
			"promise.kept_by_call_id", "promise_detection.call_id", "calibration_call.call_id",
			"calibration_answer.call_id", "calibration_agreed.call_id", "mystery_shopper_call.call_id",
			"mystery_shopper_unmarked.call_id", "recording_access.call_id", "callback_attempt.call_id",
			"callback_request.origin_call_id", "index_outbox.call_id", "legal_hold.call_id",
			"recording_release.call_id");

	static final Set<String> ERASED = Set.of("recording.call_id", "transcript.call_id", "utterance.call_id",
			"redaction.call_id", "transcription_job.call_id", "call_leg.call_id", "call_transfer.call_id",
			"supervisor_alert.call_id");


	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Transcriptions transcriptions;

	@Autowired
	Calls calls;

	@Autowired
	TranscriptionProperties properties;

	Http admin;

	@BeforeEach
	void client() {
		this.admin = new Http(this.port);
	}

	@Test
	void erasureShouldLeaveNothingOfTheNumberButItsHeldCallsAndAfterTheHoldNothingAtAll() {
		String number = "+44 7700 900471";
		DatabaseScan scan = new DatabaseScan(this.jdbc);
		CustomerRows rows = new CustomerRows(this.jdbc, DATA.resolve("spool"));
		// A call of the number under a legal hold, and another customer's call: both say the same words.
		long held = upload("conversation-8k.wav", "+447700900471");
		long other = upload("conversation-8k.wav", "+44 7700 900479");
		awaitProcessed(held);
		awaitProcessed(other);
		List<Path> heldSpool = rows.add(held, number);
		rows.add(other, "+44 7700 900479");
		assertThat(this.admin.post("/api/legal-holds", "{\"callId\":" + held + ",\"reason\":\"Court order 17\"}")
			.statusCode()).isEqualTo(201);
		Map<String, Long> heldMentions = scan.rowsMentioning(number);
		Map<String, Long> heldRows = withoutOutbox(scan.rowsOfCalls(List.of(held)));
		// The call to erase (different words), a callback asked for outside any call, the number on the shoppers' list.
		long erased = upload("refund-8k.wav", "+44 (7700) 900-471");
		awaitProcessed(erased);
		List<Path> erasedSpool = rows.add(erased, number);
		Path erasedRecording = this.calls.find(erased).recording().path();
		Path heldRecording = this.calls.find(held).recording().path();
		this.jdbc.sql("""
				insert into callback_request (queue, number, name, source, requested_at, promised_by, next_attempt_at,
				    state, max_attempts, note)
				values ('sales', '+44-7700-900471', 'Pat', 'AGENT', now(), now() + interval '1 day', now() + interval '1 day', 'OPEN', 3,
				    'prefers mornings')""")
			.update();
		this.jdbc.sql("insert into mystery_shopper_number (number, added_by, marks_from) values ('447700900471', 'admin', now())").update();
		String word = indexedWordOnlyIn(erased, other);
		String common = longest(intersection(words(held), words(other)));
		assertThat(IndexFiles.filesContaining(indexDir(), word)).as("the word is in the index files before").isNotEmpty();
		assertThat(IndexFiles.filesContaining(indexDir(), "+447700900471")).as("the number is in the index before")
			.isNotEmpty();

		JsonNode holdings = Http.json(this.admin.get("/api/erasures/lookup?number=%2B44%207700%20900471"));
		assertThat(holdings.path("holdsKnown").asBoolean()).isTrue();
		assertThat(callIds(holdings.path("calls"))).containsExactlyInAnyOrder(held, erased);
		assertThat(callOf(holdings, held).path("kept").asString()).isEqualTo("LEGAL_HOLD");
		assertThat(callOf(holdings, erased).path("kept").isNull()).as("not kept").isTrue();
		assertThat(callOf(holdings, erased).path("hasRecording").asBoolean()).isTrue();
		assertThat(callOf(holdings, erased).path("transcribed").asBoolean()).isTrue();
		assertThat(holdings.path("callbacks").size()).isEqualTo(3);
		assertThat(holdings.path("surveyAnswers").size()).isEqualTo(2);
		assertThat(holdings.path("written").toString()).contains("evaluation comment", "Caller " + number + " was upset");
		assertThat(holdings.path("counts").path("calls").asInt()).isEqualTo(2);
		assertThat(holdings.path("counts").path("keptCalls").asInt()).isEqualTo(1);

		HttpResponse<String> response = this.admin.post("/api/erasures",
				"{\"number\":\"0044 7700 900471\",\"reason\":\"Request DPO-2026-118 by letter\"}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		// 0044... has other digits than +44...: written that way, nothing of this number is found.
		assertThat(Http.json(response).path("erased").path("calls").asInt()).isZero();
		response = this.admin.post("/api/erasures",
				"{\"number\":\"+44 7700 900 471\",\"reason\":\"Request DPO-2026-118 by letter\"}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode audit = Http.json(response);
		assertThat(audit.path("erased").path("calls").asInt()).isEqualTo(1);
		assertThat(audit.path("erased").path("recordings").asInt()).isEqualTo(1);
		assertThat(audit.path("erased").path("transcripts").asInt()).isEqualTo(1);
		assertThat(audit.path("erased").path("callbacks").asInt()).isEqualTo(2);
		assertThat(audit.path("erased").path("surveyAnswers").asInt()).isEqualTo(1);
		assertThat(audit.path("erased").path("comments").asInt()).isGreaterThanOrEqualTo(5);
		assertThat(audit.path("keptHeld").get(0).asLong()).isEqualTo(held);
		assertThat(audit.path("erasedBy").asString()).isEqualTo("admin");

		// Left of the number: exactly what its held call had.
		assertThat(scan.rowsMentioning(number)).isEqualTo(heldMentions);
		assertThat(withoutOutbox(scan.rowsOfCalls(List.of(held)))).isEqualTo(heldRows);
		assertThat(heldRecording).exists();
		assertThat(heldSpool).allSatisfy((file) -> assertThat(file).exists());
		assertThat(this.transcriptions.transcriptOf(held)).isPresent();
		// Of the erased call: the rows the statistics keep, none of the ones that told about the customer.
		assertThat(scan.rowsOfCalls(List.of(erased)).keySet()).isSubsetOf(KEPT).contains("call.id");
		assertThat(erasedRecording).doesNotExist();
		assertThat(erasedSpool).allSatisfy((file) -> assertThat(file).doesNotExist());
		assertThat(this.transcriptions.search(SearchQuery.of(word)).total()).isZero();
		assertThat(IndexFiles.termsContaining(indexDir(), word)).isEmpty();
		assertThat(IndexFiles.filesContaining(indexDir(), word)).isEmpty();
		assertThat(IndexFiles.deletedDocuments(indexDir())).isZero();
		// The audit names no number.
		assertThat(this.jdbc.sql("select count(*) from erasure_audit").query(Long.class).single()).isEqualTo(2);
		assertThat(scan.rowsMentioning(number).keySet()).noneMatch((column) -> column.startsWith("erasure_audit"));

		// Once the hold is released, erasing again leaves nothing of the number anywhere.
		long hold = Http.json(this.admin.get("/api/legal-holds?callId=" + held)).get(0).path("id").asLong();
		assertThat(this.admin.post("/api/legal-holds/" + hold + "/release", "{\"note\":\"case closed\"}").statusCode())
			.isEqualTo(200);
		response = this.admin.post("/api/erasures", "{\"number\":\"+447700900471\",\"reason\":\"DPO-2026-118 hold released\"}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		assertThat(Http.json(response).path("erased").path("calls").asInt()).isEqualTo(1);
		assertThat(scan.rowsMentioning(number)).isEmpty();
		assertThat(scan.rowsOfCalls(List.of(held)).keySet()).isSubsetOf(KEPT);
		assertThat(heldRecording).doesNotExist();
		assertThat(heldSpool).allSatisfy((file) -> assertThat(file).doesNotExist());
		assertThat(IndexFiles.filesContaining(indexDir(), "447700900471")).isEmpty();
		assertThat(IndexFiles.filesContaining(indexDir(), "+44 7700 900471")).isEmpty();
		assertThat(IndexFiles.deletedDocuments(indexDir())).isZero();
		// The other customer keeps everything, and the word both calls said is still found, in theirs.
		assertThat(scan.rowsOfCalls(List.of(other)).keySet()).contains("recording.call_id", "transcript.call_id",
				"call_leg.call_id", "supervisor_alert.call_id");
		assertThat(this.transcriptions.search(SearchQuery.of(common)).hits()).singleElement()
			.satisfies((hit) -> assertThat(hit.callId()).isEqualTo(other));
		JsonNode past = Http.json(this.admin.get("/api/erasures"));
		assertThat(past.size()).isEqualTo(3);
		assertThat(past.toString()).doesNotContain("7700", "900471");
		JsonNode after = Http.json(this.admin.get("/api/erasures/lookup?number=447700900471"));
		assertThat(after.path("calls").size()).isZero();
		assertThat(after.path("callbacks").size()).isZero();
	}

	@Test
	void everyCallColumnShouldBeClassified() {
		Set<String> classified = new HashSet<>(KEPT);
		classified.addAll(ERASED);
		classified.remove("call.id");
		assertThat(new DatabaseScan(this.jdbc).callColumns()).containsExactlyInAnyOrderElementsOf(classified);
	}

	@Test
	void onlyAdminsShouldLookUpEraseOrReadTheAudit() {
		user("erasure-supervisor", "SUPERVISOR", null);
		user("erasure-manager", "MANAGER", null);
		user("erasure-agent", "AGENT", "erasure-agent");
		user("erasure-wallboard", "WALLBOARD", null);
		String body = "{\"number\":\"+44 7700 900499\",\"reason\":\"ticket 5\"}";
		for (String login : List.of("erasure-supervisor", "erasure-manager", "erasure-agent", "erasure-wallboard")) {
			Http http = new Http(this.port, login, PASSWORD);
			assertThat(http.get("/api/erasures/lookup?number=447700900499").statusCode()).as(login).isEqualTo(403);
			assertThat(http.post("/api/erasures", body).statusCode()).as(login).isEqualTo(403);
			assertThat(http.get("/api/erasures").statusCode()).as(login).isEqualTo(403);
		}
		Http anonymous = Http.anonymous(this.port);
		assertThat(anonymous.get("/api/erasures/lookup?number=447700900499").statusCode()).isEqualTo(401);
		// Without a session or credentials, the CSRF check refuses a POST first.
		assertThat(anonymous.post("/api/erasures", body).statusCode()).isIn(401, 403);
		assertThat(anonymous.get("/api/erasures").statusCode()).isEqualTo(401);
		assertThat(this.jdbc.sql("select count(*) from erasure_audit where reason = 'ticket 5'").query(Long.class)
			.single()).isZero();
		assertThat(this.admin.get("/api/erasures/lookup?number=447700900499").statusCode()).isEqualTo(200);
		assertThat(this.admin.get("/api/erasures").statusCode()).isEqualTo(200);
	}

	@Test
	void badRequestsShouldBeProblemsNamingTheField() {
		assertProblem(this.admin.get("/api/erasures/lookup"), "number");
		assertProblem(this.admin.get("/api/erasures/lookup?number=call%20me"), "number");
		assertProblem(this.admin.get("/api/erasures/lookup?number=12"), "number");
		assertProblem(this.admin.post("/api/erasures", "{\"number\":\"+44 7700 900498\"}"), "reason");
		assertProblem(this.admin.post("/api/erasures", "{\"number\":\"+44 7700 900498\",\"reason\":\"  \"}"), "reason");
		assertProblem(this.admin.post("/api/erasures",
				"{\"number\":\"+44 7700 900498\",\"reason\":\"asked by 07700-900-498\"}"), "reason");
		assertProblem(this.admin.post("/api/erasures",
				"{\"number\":\"+44 7700 900498\",\"reason\":\"" + "x".repeat(501) + "\"}"), "reason");
		assertProblem(this.admin.get("/api/erasures?limit=0"), "limit");
		assertThat(this.admin.post("/api/erasures", "not json").statusCode()).isEqualTo(400);
	}

	private static void assertProblem(HttpResponse<String> response, String field) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(Http.json(response).path("field").asString()).isEqualTo(field);
	}

	private void user(String username, String role, String agentName) {
		String agentJson = (agentName != null) ? "\"" + agentName + "\"" : "null";
		HttpResponse<String> created = this.admin.post("/api/users", """
				{"username":"%s","password":"%s","role":"%s","agentName":%s}""".formatted(username, PASSWORD, role,
				agentJson));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
	}

	private long upload(String file, String number) {
		return Http.json(this.admin.upload("/api/recordings", Fixtures.audio(file),
				Map.of("agent", "alice", "queue", "support", "callerNumber", number)))
			.path("callId")
			.asLong();
	}

	/** Transcribed, indexed, and done with by automatic scoring and promises (which write rows of their own). */
	private void awaitProcessed(long callId) {
		Eventually.await("call " + callId + " transcribed", Duration.ofSeconds(120),
				() -> this.transcriptions.transcriptOf(callId), java.util.Optional::isPresent);
		Eventually.await("call " + callId + " checked and indexed", Duration.ofSeconds(60), () -> this.jdbc.sql("""
				select (select count(*) from promise_detection where call_id = :id)
				     + (select count(*) from automatic_evaluation where call_id = :id)""")
			.param("id", callId)
			.query(Long.class)
			.single() >= 2 && this.transcriptions.search(SearchQuery.of("*:*").page(0, 100)).hits().stream()
				.anyMatch((hit) -> hit.callId() == callId), (done) -> done);
	}

	private String indexedWordOnlyIn(long callId, long otherCallId) {
		Set<String> words = new HashSet<>(words(callId));
		words.removeAll(words(otherCallId));
		String word = longest(words);
		assertThat(this.transcriptions.search(SearchQuery.of(word)).total()).isEqualTo(1);
		return word;
	}

	private static Set<String> intersection(List<String> a, List<String> b) {
		Set<String> both = new HashSet<>(a);
		both.retainAll(b);
		return both;
	}

	private static String longest(Set<String> words) {
		return words.stream()
			.filter((w) -> w.matches("[a-z]{6,}"))
			.max((a, b) -> Integer.compare(a.length(), b.length()))
			.orElseThrow();
	}

	/** A call's rows but its index outbox rows (anything may queue a call for re-indexing). */
	private static Map<String, Long> withoutOutbox(Map<String, Long> rows) {
		Map<String, Long> without = new java.util.TreeMap<>(rows);
		without.remove("index_outbox.call_id");
		return without;
	}

	private List<String> words(long callId) {
		return Arrays.asList(this.transcriptions.transcriptOf(callId).orElseThrow().text().toLowerCase().split("\\W+"));
	}

	private static List<Long> callIds(JsonNode calls) {
		return java.util.stream.StreamSupport.stream(calls.spliterator(), false)
			.map((call) -> call.path("callId").asLong())
			.toList();
	}

	private static JsonNode callOf(JsonNode holdings, long callId) {
		for (JsonNode call : holdings.path("calls")) {
			if (call.path("callId").asLong() == callId) {
				return call;
			}
		}
		throw new AssertionError("no call " + callId + " in " + holdings);
	}

	private Path indexDir() {
		return this.properties.index().dir();
	}

}
