package io.callqa.qaconsole.rules;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.scoring.Standards;
import io.callqa.qaconsole.users.Role;
import io.callqa.qaconsole.users.Users;
import io.callqa.telephony.CallNotFoundException;
import io.callqa.transcription.Transcript;

import static io.callqa.qaconsole.rules.RuleEngineTests.said;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Rules in the application: saved with a standard (and refused with a 400 naming the item when they cannot be used),
 * read back unchanged, and the default standard's rules scoring calls through the {@link AutomaticScoring} bean with
 * the call's facts from telephony.
 */
@SpringBootTest(classes = CallQaApplication.class)
@ActiveProfiles("test")
class RulesIntegrationTests {

	static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Users users;

	@Autowired
	AutomaticScoring scoring;

	@Autowired
	Standards standards;

	MockMvc mvc;

	@BeforeEach
	void mvc() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	@Test
	void rulesShouldBeSavedWithTheStandardAndReadBackUnchanged() throws Exception {
		String rules = """
				{"kind":"SAID","query":"\\"thank you for calling\\"","speaker":"AGENT","matching":"TOLERANT",
				 "window":{"kind":"FIRST","seconds":15}},
				{"kind":"NOT_SAID","query":"stupid","speaker":"AGENT","window":{"kind":"ANYWHERE"}},
				{"kind":"SAID","query":"sorry","speaker":"AGENT",
				 "window":{"kind":"AFTER","after":"unhappy","afterSpeaker":"CUSTOMER","seconds":30}},
				{"kind":"SILENCE","maxSec":10},
				{"kind":"TALK_OVER","maxCount":3,"maxShare":0.1},
				{"kind":"AGENT_TALK_SHARE","min":0.3,"max":0.7},
				{"kind":"AGENT_WPM","min":110,"max":180},
				{"kind":"WAIT","maxSec":60},
				{"kind":"HOLD","maxSec":120},
				{"kind":"DURATION","minSec":30,"maxSec":900},
				{"kind":"FACT","fact":"OUTCOME","in":["ANSWERED"]},
				{"kind":"FACT","fact":"SURVEY","min":7}""";
		StringBuilder items = new StringBuilder();
		List<JsonNode> sent = new java.util.ArrayList<>();
		json.readTree("[" + rules + "]").forEach(sent::add);
		for (int i = 0; i < sent.size(); i++) {
			items.append((i == 0) ? "" : ",")
				.append("{\"key\":\"item-%d\",\"label\":\"Item %d\",\"weight\":1,\"type\":\"YES_NO\",\"rule\":%s}"
					.formatted(i, i, sent.get(i)));
		}
		items.append(",{\"key\":\"manual\",\"label\":\"Manual\",\"weight\":1,\"type\":\"YES_NO\"}");
		JsonNode created = body(as("admin", post("/api/standards"), standard("Rules " + UUID.randomUUID(), items)),
				201);
		JsonNode saved = body(as("admin", get("/api/standards/" + created.path("standard").path("id").asLong())),
				200).path("current").path("scorecard").path("sections").get(0).path("items");
		for (int i = 0; i < sent.size(); i++) {
			assertThat(json.treeToValue(saved.get(i).path("rule"), Rule.class)).as("item-%d", i)
				.isEqualTo(json.treeToValue(sent.get(i), Rule.class));
		}
		assertThat(saved.get(sent.size()).path("rule").isMissingNode() || saved.get(sent.size()).path("rule").isNull())
			.isTrue();
		long versionId = created.path("current").path("id").asLong();
		assertThat(this.scoring.hasRules(versionId)).isTrue();
		assertThat(this.scoring.evaluate(versionId, RuleEngineTests.call(), RuleEngineTests.FACTS).items())
			.extracting(ItemResult::itemKey)
			.hasSize(sent.size())
			.doesNotContain("manual");
	}

	@Test
	void aRuleThatCannotBeUsedShouldBeRefusedWithAProblemNamingTheItem() throws Exception {
		String name = "Bad rules " + UUID.randomUUID();
		assertThat(refused(name, "{\"kind\":\"SMILE\"}")).startsWith("Item 'greet': unknown rule kind 'SMILE'");
		assertThat(refused(name, "{\"kind\":\"SAID\",\"speaker\":\"AGENT\"}"))
			.isEqualTo("Item 'greet': the rule needs a query in the search syntax");
		assertThat(refused(name, "{\"kind\":\"SAID\",\"query\":\"\\\"thank you\"}"))
			.startsWith("Item 'greet': the rule's query cannot be searched: '\"thank you': ");
		assertThat(refused(name, "{\"kind\":\"AGENT_WPM\",\"min\":200,\"max\":100}"))
			.isEqualTo("Item 'greet': AGENT_WPM's minimum 200.0 is above its maximum 100.0");
		assertThat(refused(name, "{\"kind\":\"SAID\",\"query\":\"hi\",\"window\":{\"kind\":\"FIRST\"}}"))
			.isEqualTo("Item 'greet': a FIRST window needs seconds, more than 0");
		assertThat(refused(name, "{\"kind\":\"SAID\",\"query\":\"hi\",\"window\":{\"kind\":\"AFTER\",\"after\":\"(\"}}"))
			.startsWith("Item 'greet': the rule's query cannot be searched: '(': ");
		assertThat(refused(name, "{\"kind\":\"FACT\",\"fact\":\"OUTCOME\"}"))
			.isEqualTo("Item 'greet': FACT OUTCOME needs \"in\": the values that pass");
		assertThat(refused(name, "{\"kind\":\"SAID\",\"query\":\"hi\",\"speaker\":\"BOSS\"}"))
			.isEqualTo("Item 'greet': unknown speaker 'BOSS': ANY, AGENT, CUSTOMER");
		assertThat(body(as("admin", get("/api/standards")), 200).toString()).doesNotContain(name);
	}

	@Test
	void theDefaultStandardShouldScoreAModelCallAndARudeOne() {
		long call = insertCall(null);
		long versionId = this.standards.forCall(call).id();
		CallFacts facts = this.scoring.factsOf(call);
		assertThat(facts.durationSec()).isEqualTo(60.0);
		assertThat(facts.direction()).isEqualTo("INBOUND");
		assertThat(facts.holdSec()).isNull();
		Transcript model = new Transcript(call, 40, List.of(
				said("agent", 0.3, "thank you for calling acme support my name is sam how can i help you today"),
				said("customer", 7.0, "hi i would like to change the delivery address for my order"),
				said("agent", 12.0, "of course i can help you with that what is the new address"),
				said("customer", 17.0, "it is twenty two green street"),
				said("agent", 20.0, "is there anything else i can help you with"),
				said("customer", 24.0, "no that is all"),
				said("agent", 26.0, "thank you for calling acme have a nice day goodbye")));
		AutomaticResult scored = this.scoring.evaluate(versionId, model, facts);
		assertThat(scored.items()).filteredOn((item) -> item.outcome() != RuleOutcome.NA)
			.allSatisfy((item) -> assertThat(item.outcome()).as(item.itemKey() + ": " + item.reason())
				.isEqualTo(RuleOutcome.PASS));
		assertThat(scored.items()).filteredOn((item) -> item.itemKey().equals("empathy.apology"))
			.singleElement()
			.extracting(ItemResult::outcome)
			.isEqualTo(RuleOutcome.NA);
		assertThat(scored.score()).isEqualTo(100.0);
		assertThat(scored.passed()).isTrue();
		Transcript rude = new Transcript(call, 20, List.of(said("agent", 0.3, "yeah what do you want"),
				said("customer", 2.0, "my internet has been down for three days and i am very unhappy"),
				said("agent", 6.0, "that is not my problem that is a stupid question")));
		AutomaticResult rudeScore = this.scoring.evaluate(versionId, rude, facts);
		assertThat(rudeScore.criticalFailed()).isTrue();
		assertThat(rudeScore.score()).isEqualTo(0.0);
		assertThat(rudeScore.items()).filteredOn((item) -> item.itemKey().equals("forbidden.no-rudeness"))
			.singleElement()
			.satisfies((item) -> assertThat(item.evidence()).extracting(Evidence::words)
				.containsExactly("not my problem", "stupid"));
		assertThat(rudeScore.items()).filteredOn((item) -> item.outcome() == RuleOutcome.FAIL)
			.extracting(ItemResult::itemKey)
			.contains("greeting.welcome", "greeting.own-name", "empathy.apology", "extra-mile.further-help",
					"closing.thanks");
	}

	@Test
	void factsOfAnUnknownCallShouldBeCallNotFound() {
		assertThatExceptionOfType(CallNotFoundException.class).isThrownBy(() -> this.scoring.factsOf(987_654_321L));
	}

	private String refused(String name, String rule) throws Exception {
		String items = "{\"key\":\"greet\",\"label\":\"Greets\",\"weight\":1,\"type\":\"YES_NO\",\"rule\":" + rule + "}";
		return body(as("admin", post("/api/standards"), standard(name, items)), 400).path("detail").asString();
	}

	private static String standard(String name, CharSequence items) {
		return "{\"name\":\"%s\",\"scorecard\":{\"passThreshold\":80,\"sections\":[{\"name\":\"S\",\"items\":[%s]}]}}"
			.formatted(name, items);
	}

	private long insertCall(String queue) {
		return this.jdbc
			.sql("insert into call (agent, queue, started_at, duration_sec) values (:agent, :queue, :at, 60) returning id")
			.param("agent", "agent-" + UUID.randomUUID().toString().substring(0, 8))
			.param("queue", queue)
			.param("at", Timestamp.from(Instant.now()))
			.query(Long.class)
			.single();
	}

	private MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request, String body) {
		return request.with(user(principal(username))).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
		return request.with(user(principal(username))).with(csrf());
	}

	private UserDetails principal(String username) {
		try {
			return this.users.loadUserByUsername(username);
		}
		catch (UsernameNotFoundException ex) {
			this.users.create(new Users.NewUser(username, "password-123", Role.ADMIN, null, null));
			return this.users.loadUserByUsername(username);
		}
	}

	private JsonNode body(MockHttpServletRequestBuilder request, int status) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		String content = result.getResponse().getContentAsString();
		assertThat(result.getResponse().getStatus()).as(content).isEqualTo(status);
		return json.readTree(content);
	}

}
