package io.callqa.qaconsole.browser;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import io.callqa.CallQaApplication;
import io.callqa.qaconsole.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standards page: a supervisor edits items and their rules and saves a new version; a refused scorecard is
 * shown next to the item it names; a manager reads only; an agent gets no page.
 */
@SpringBootTest(classes = CallQaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserStandardsTests {

	private static final String PASSWORD = "browser-standards-pw";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@RegisterExtension
	static final Browser browser = new Browser();

	@LocalServerPort
	int port;

	Http admin;

	String run = UUID.randomUUID().toString().substring(0, 6);

	@BeforeEach
	void setUp() {
		browser.base(this.port);
		this.admin = new Http(this.port);
	}

	@Test
	void supervisorEditsItemsAndRulesAndSavesANewVersion() {
		String supervisor = user("SUPERVISOR");
		long id = createStandard("""
				{"passThreshold":75,"sections":[{"name":"Opening","items":[
				  {"key":"greet","label":"Greets","weight":2,"type":"YES_NO"},
				  {"key":"calm","label":"No long silence","weight":1,"type":"YES_NO"}]}]}""");

		browser.logIn(supervisor, PASSWORD);
		assertThat(browser.find("#topbar a[href='/standards.html']").getText()).isEqualTo("Standards");
		openStandard(id);
		assertThat(browser.text("#rule-count")).startsWith("0 of 2 items checked automatically");

		type(item("greet", ".item-label"), "Welcomes the caller by the company's name");
		kind("greet", "SAID");
		type(item("greet", ".rule-query"), "\"thank you for calling\"");
		new Select(item("greet", ".rule-speaker")).selectByValue("AGENT");
		new Select(item("greet", ".rule-matching")).selectByValue("TOLERANT");
		new Select(item("greet", ".rule-window")).selectByValue("FIRST");
		type(item("greet", ".rule-window-seconds"), "20");
		item("calm", ".item-critical").click();
		kind("calm", "SILENCE");
		type(item("calm", ".rule-max-sec"), "8");
		assertThat(browser.text("#rule-count")).startsWith("2 of 2 items checked automatically");
		assertThat(browser.text("#save-message")).isEqualTo("Unsaved changes.");
		browser.find("#save").click();
		awaitSaveState("saved");
		assertThat(browser.text("#save-message")).isEqualTo("Saved as version 2.");

		JsonNode standard = Http.json(this.admin.get("/api/standards/" + id));
		assertThat(standard.path("versions")).hasSize(2);
		JsonNode items = standard.path("current").path("scorecard").path("sections").path(0).path("items");
		assertThat(items.path(0).path("label").asString()).isEqualTo("Welcomes the caller by the company's name");
		assertThat(items.path(1).path("critical").asBoolean()).isTrue();
		assertThat(items.path(0).path("rule")).isEqualTo(JSON.readTree("""
				{"kind":"SAID","query":"\\"thank you for calling\\"","speaker":"AGENT","matching":"TOLERANT",
				 "window":{"kind":"FIRST","seconds":20.0}}"""));
		assertThat(items.path(1).path("rule")).isEqualTo(JSON.readTree("""
				{"kind":"SILENCE","maxSec":8.0}"""));
		assertThat(standard.path("current").path("createdBy").asString()).isEqualTo(supervisor);
		// The page shows the version it saved, and the list its number.
		assertThat(new Select(browser.find("#version")).getFirstSelectedOption().getText()).startsWith("version 2 (current)");
		assertThat(browser.text("#standards tr[data-id='" + id + "'] td.version")).isEqualTo("2");
		browser.screenshot("standards");
	}

	@Test
	void aRefusedScorecardIsShownNextToTheItemItNamesAndNothingIsSaved() {
		String supervisor = user("SUPERVISOR");
		long id = createStandard("""
				{"passThreshold":80,"sections":[{"name":"Only","items":[
				  {"key":"first","label":"First","weight":1,"type":"YES_NO"},
				  {"key":"second","label":"Second","weight":1,"type":"YES_NO"}]}]}""");
		browser.logIn(supervisor, PASSWORD);
		openStandard(id);
		type(item("second", ".item-weight"), "0");
		browser.find("#save").click();
		awaitSaveState("error");
		assertThat(item("second", ".item-error").getText()).isEqualTo("Item 'second' needs a weight above 0");
		assertThat(browser.driver().findElements(By.cssSelector(".item-editor[data-key='first'] .item-error")))
			.allMatch((p) -> !p.isDisplayed());
		assertThat(Http.json(this.admin.get("/api/standards/" + id)).path("versions")).hasSize(1);

		// Corrected, it saves and the error goes.
		type(item("second", ".item-weight"), "3");
		browser.find("#save").click();
		awaitSaveState("saved");
		assertThat(Http.json(this.admin.get("/api/standards/" + id)).path("current").path("scorecard")
			.path("sections").path(0).path("items").path(1).path("weight").asDouble()).isEqualTo(3.0);
	}

	@Test
	void everyRuleKindRoundTripsThroughTheFormsUnchanged() {
		String supervisor = user("SUPERVISOR");
		long id = createStandard(EVERY_KIND);
		browser.logIn(supervisor, PASSWORD);
		openStandard(id);
		assertThat(browser.text("#rule-count")).startsWith("15 of 16 items checked automatically");
		assertThat(selected(item("empathy", ".rule-window"))).isEqualTo("AFTER");
		assertThat(item("empathy", ".rule-after").getAttribute("value")).isEqualTo("complaint OR unhappy");
		assertThat(selected(item("empathy", ".rule-after-speaker"))).isEqualTo("CUSTOMER");
		assertThat(selected(item("forbidden", ".rule-matching"))).isEqualTo("EXACT");
		assertThat(selected(item("anything", ".rule-speaker"))).isEqualTo("ANY");
		assertThat(item("outcome", ".rule-in").getAttribute("value")).isEqualTo("ANSWERED, CONNECTED");
		assertThat(item("survey", ".rule-min").getAttribute("value")).isEqualTo("7");
		assertThat(selected(item("manual", ".rule-kind"))).isEmpty();

		browser.find("#save").click();
		awaitSaveState("saved");
		JsonNode standard = Http.json(this.admin.get("/api/standards/" + id));
		assertThat(standard.path("versions")).hasSize(2);
		assertThat(standard.path("versions").path(0).path("scorecard"))
			.isEqualTo(standard.path("versions").path(1).path("scorecard"));
	}

	@Test
	void aRefusedRuleIsShownNextToItsItemAndNothingIsSaved() {
		String supervisor = user("SUPERVISOR");
		long id = createStandard(EVERY_KIND);
		browser.logIn(supervisor, PASSWORD);
		openStandard(id);
		type(item("said", ".rule-query"), "\"thank you");
		browser.find("#save").click();
		awaitSaveState("error");
		assertThat(item("said", ".item-error").getText()).contains("said");

		type(item("said", ".rule-query"), "\"thank you\"");
		type(item("wpm", ".rule-min"), "200");
		browser.find("#save").click();
		browser.until((d) -> item("wpm", ".item-error").isDisplayed() ? true : null);
		assertThat(item("wpm", ".item-error").getText()).contains("wpm").contains("200");
		assertThat(browser.driver().findElements(By.cssSelector(".item-editor[data-key='said'] .item-error")))
			.allMatch((p) -> !p.isDisplayed());
		assertThat(Http.json(this.admin.get("/api/standards/" + id)).path("versions")).hasSize(1);
	}

	@Test
	void aSupervisorReChecksTheCallsOfAPeriodAndSeesItsProgress() {
		String supervisor = user("SUPERVISOR");
		browser.logIn(supervisor, PASSWORD);
		browser.open("/standards.html");
		browser.until((d) -> browser.script("return document.body.dataset.loaded || null;"));
		// A period long ago: the calls other tests of this context made are not re-evaluated under their feet.
		browser.script("document.getElementById('recheck-from').value = '2001-03-04';"
				+ "document.getElementById('recheck-to').value = '2001-03-05';");
		browser.find("#recheck-start").click();
		WebElement run = browser.until((d) -> d.findElements(By.cssSelector(".recheck-run[data-finished='true']"))
			.stream().filter((li) -> li.getText().contains("by " + supervisor)).findFirst().orElse(null));
		assertThat(run.findElement(By.cssSelector(".recheck-progress")).getText()).startsWith("done: 0 calls re-checked");
		assertThat(run.findElement(By.tagName("progress")).getAttribute("value")).isEqualTo("100");

		// The two days of the form, from the browser's midnight to the midnight after the last day.
		JsonNode started = Http.json(this.admin.get("/api/automatic-evaluations/reevaluations/"
				+ run.getAttribute("data-id")));
		assertThat(started.path("requestedBy").asString()).isEqualTo(supervisor);
		assertThat(java.time.Instant.parse(started.path("from").asString())).isEqualTo(java.time.Instant.parse(
				(String) browser.script("return new Date(2001, 2, 4).toISOString();")));
		assertThat(java.time.Instant.parse(started.path("to").asString())).isEqualTo(java.time.Instant.parse(
				(String) browser.script("return new Date(2001, 2, 6).toISOString();")));

		// A last day before the first is refused on the page, nothing is started.
		int runs = Http.json(this.admin.get("/api/automatic-evaluations/reevaluations")).size();
		browser.script("document.getElementById('recheck-to').value = '2001-03-01';");
		browser.find("#recheck-start").click();
		browser.until((d) -> browser.text("#message").contains("before the first") ? true : null);
		assertThat(Http.json(this.admin.get("/api/automatic-evaluations/reevaluations")).size()).isEqualTo(runs);
	}

	@Test
	void theDefaultStandardShowsItsRules() {
		String manager = user("MANAGER");
		browser.logIn(manager, PASSWORD);
		browser.open("/standards.html");
		browser.until((d) -> browser.script("return document.body.dataset.loaded || null;"));
		assertThat(browser.text("#standard-name")).isEqualTo("DEFAULT");
		assertThat(browser.text("#rule-count")).doesNotStartWith("0 of");
		assertThat(browser.driver().findElements(By.cssSelector(".rule-kind")).stream().map(this::selected).toList())
			.contains("SAID", "NOT_SAID", "SILENCE");
		browser.screenshot("standards-default");
	}

	@Test
	void aManagerReadsTheStandardsAndAnAgentGetsNoPage() {
		String manager = user("MANAGER");
		long id = createStandard("""
				{"passThreshold":80,"sections":[{"name":"Only","items":[
				  {"key":"only","label":"Only item","weight":1,"type":"YES_NO"}]}]}""");
		browser.logIn(manager, PASSWORD);
		openStandard(id);
		assertThat(item("only", ".item-label").getAttribute("value")).isEqualTo("Only item");
		assertThat(item("only", ".item-label").isEnabled()).isFalse();
		assertThat(browser.driver().findElement(By.id("save-actions")).isDisplayed()).isFalse();
		assertThat(browser.driver().findElement(By.id("new-standard")).isDisplayed()).isFalse();
		assertThat(browser.driver().findElements(By.cssSelector(".remove-item"))).allMatch((b) -> !b.isDisplayed());
		// Managers see the re-checks but start none.
		assertThat(browser.driver().findElement(By.id("recheck-start")).isDisplayed()).isFalse();
		assertThat(browser.driver().findElement(By.id("recheck")).isDisplayed()).isTrue();

		String agent = user("AGENT");
		Http asAgent = new Http(this.port, agent, PASSWORD);
		assertThat(asAgent.get("/standards.html").statusCode()).isEqualTo(403);
		assertThat(new Http(this.port, manager, PASSWORD).get("/standards.html").statusCode()).isEqualTo(200);
		browser.logIn(agent, PASSWORD);
		assertThat(browser.driver().findElements(By.cssSelector("#topbar a[href='/standards.html']"))).isEmpty();
	}

	@Test
	void aNewStandardStartsAsACopyAndIsAssignedToAQueue() {
		String supervisor = user("SUPERVISOR");
		long id = createStandard("""
				{"passThreshold":70,"sections":[{"name":"Only","items":[
				  {"key":"copied","label":"Copied item","weight":2,"type":"POINTS","maxPoints":3}]}]}""");
		browser.logIn(supervisor, PASSWORD);
		openStandard(id);
		String name = "Copy " + this.run;
		browser.find("#new-name").sendKeys(name);
		browser.find("#new-create").click();
		browser.until((d) -> browser.text("#standard-name").equals(name) ? true : null);
		String queue = "standards-" + this.run;
		browser.find("#assign-queue").sendKeys(queue);
		browser.find("#assign-save").click();
		browser.until((d) -> browser.text("#message").contains(queue) ? true : null);

		JsonNode created = Http.json(this.admin.get("/api/standards")).valueStream()
			.filter((s) -> s.path("name").asString().equals(name))
			.findFirst()
			.orElseThrow();
		assertThat(created.path("queues").valueStream().map(JsonNode::asString).toList()).isEqualTo(List.of(queue));
		JsonNode copy = Http.json(this.admin.get("/api/standards/" + created.path("id").asLong()));
		assertThat(copy.path("current").path("scorecard"))
			.isEqualTo(Http.json(this.admin.get("/api/standards/" + id)).path("current").path("scorecard"));
	}

	/** A standard with a rule of every kind, fact and window, and one manual item. */
	private static final String EVERY_KIND = """
			{"passThreshold":80,"sections":[{"name":"Said","items":[
			  {"key":"said","label":"Greets","weight":2,"type":"YES_NO","rule":{"kind":"SAID",
			   "query":"\\"thank you for calling\\"","speaker":"AGENT","matching":"TOLERANT",
			   "window":{"kind":"FIRST","seconds":15}}},
			  {"key":"forbidden","label":"No forbidden words","weight":1,"type":"YES_NO","critical":true,
			   "rule":{"kind":"NOT_SAID","query":"\\"shut up\\" OR stupid","speaker":"AGENT","matching":"EXACT",
			   "window":{"kind":"ANYWHERE"}}},
			  {"key":"empathy","label":"Empathy","weight":1,"type":"YES_NO","naAllowed":true,"rule":{"kind":"SAID",
			   "query":"sorry OR apologize","speaker":"AGENT","window":{"kind":"AFTER","after":"complaint OR unhappy",
			   "afterSpeaker":"CUSTOMER","seconds":30}}},
			  {"key":"anything","label":"Anything else","weight":1,"type":"YES_NO","rule":{"kind":"SAID",
			   "query":"\\"anything else\\"","window":{"kind":"LAST","seconds":60}}},
			  {"key":"manual","label":"Positive language","weight":2,"type":"POINTS","maxPoints":2}]},
			 {"name":"Talk","items":[
			  {"key":"silence","label":"No dead air","weight":1,"type":"YES_NO","rule":{"kind":"SILENCE","maxSec":10}},
			  {"key":"talk-over","label":"Lets the customer speak","weight":1,"type":"YES_NO",
			   "rule":{"kind":"TALK_OVER","maxCount":3,"maxShare":0.1}},
			  {"key":"share","label":"Listens","weight":1,"type":"YES_NO",
			   "rule":{"kind":"AGENT_TALK_SHARE","min":0.3,"max":0.7}},
			  {"key":"wpm","label":"Speaks clearly","weight":1,"type":"YES_NO",
			   "rule":{"kind":"AGENT_WPM","min":110,"max":180}}]},
			 {"name":"Telephony","items":[
			  {"key":"wait","label":"Short wait","weight":1,"type":"YES_NO","rule":{"kind":"WAIT","maxSec":60}},
			  {"key":"hold","label":"Short hold","weight":1,"type":"YES_NO","rule":{"kind":"HOLD","maxSec":120}},
			  {"key":"duration","label":"Duration","weight":1,"type":"YES_NO",
			   "rule":{"kind":"DURATION","minSec":30,"maxSec":900}},
			  {"key":"outcome","label":"Answered","weight":1,"type":"YES_NO",
			   "rule":{"kind":"FACT","fact":"OUTCOME","in":["ANSWERED","CONNECTED"]}},
			  {"key":"queue","label":"Support line","weight":1,"type":"YES_NO",
			   "rule":{"kind":"FACT","fact":"QUEUE","in":["support"]}},
			  {"key":"direction","label":"Inbound","weight":1,"type":"YES_NO",
			   "rule":{"kind":"FACT","fact":"DIRECTION","in":["INBOUND"]}},
			  {"key":"survey","label":"Satisfied","weight":1,"type":"YES_NO",
			   "rule":{"kind":"FACT","fact":"SURVEY","min":7}}]}]}""";

	private String selected(WebElement select) {
		return new Select(select).getFirstSelectedOption().getAttribute("value");
	}

	private String user(String role) {
		String name = "std-" + role.toLowerCase() + "-" + this.run;
		HttpResponse<String> created = this.admin.post("/api/users", """
				{"username":"%s","password":"%s","role":"%s","agentName":%s}""".formatted(name, PASSWORD, role,
				role.equals("AGENT") ? "\"" + name + "\"" : "null"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return name;
	}

	private long createStandard(String scorecard) {
		HttpResponse<String> created = this.admin.post("/api/standards",
				"{\"name\":\"Browser standard " + UUID.randomUUID() + "\",\"scorecard\":" + scorecard + "}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return Http.json(created).path("standard").path("id").asLong();
	}

	private void openStandard(long id) {
		browser.open("/standards.html?id=" + id);
		browser.until((d) -> {
			Object loaded = browser.script("return document.body.dataset.loaded || null;");
			return (loaded != null && loaded.toString().startsWith(id + "/")) ? true : null;
		});
	}

	private WebElement item(String key, String css) {
		return browser.find(".item-editor[data-key='" + key + "'] " + css);
	}

	private void kind(String key, String kind) {
		new Select(item(key, ".rule-kind")).selectByValue(kind);
	}

	private static void type(WebElement input, String text) {
		input.clear();
		input.sendKeys(text);
	}

	private void awaitSaveState(String state) {
		browser.until((d) -> state.equals(browser.script("return document.getElementById('save-message').dataset.state || null;"))
				? true : null);
	}

}
