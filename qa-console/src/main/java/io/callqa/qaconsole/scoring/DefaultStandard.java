package io.callqa.qaconsole.scoring;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.callqa.qaconsole.rules.Rule;
import io.callqa.qaconsole.rules.Rule.Kind;
import io.callqa.qaconsole.rules.Rule.Window;
import io.callqa.qaconsole.scoring.Scorecard.Item;
import io.callqa.qaconsole.scoring.Scorecard.ItemType;
import io.callqa.qaconsole.scoring.Scorecard.Section;

/**
 * The default scorecard, written from the product brief (service-standards.md). Weights favour what the customer
 * feels most: being understood and knowing what happens next. Forbidden behaviour is critical.
 *
 * <p>The items a transcript can decide have rules, so every call is also scored automatically: the greeting, the
 * company phrase and the agent's name in the first 15 s, a starter list of forbidden phrases, empathy after a
 * complaint, "anything else" and the goodbye near the end, no dead air over 10 s, little talk-over. The queries are
 * starters in the search syntax: a call center puts its own company name and phrases in (a new version).
 */
final class DefaultStandard {

	static final String DESCRIPTION = "The service standard every queue is scored with unless another one is assigned";

	static final double PASS_THRESHOLD = 80;

	private DefaultStandard() {
	}

	static Scorecard scorecard() {
		return new Scorecard(PASS_THRESHOLD, List.of(greeting(), listening(), empathy(), positiveLanguage(),
				forbiddenBehaviour(), nextSteps(), extraMile(), closing(), speedAndFlow()));
	}

	/** The default scorecard as it was before items had rules: a database from then holds it as its version 1. */
	static Scorecard withoutRules() {
		Scorecard scorecard = scorecard();
		return new Scorecard(scorecard.passThreshold(), scorecard.sections()
			.stream()
			.map((section) -> new Section(section.name(),
					section.items().stream().map((item) -> item.withRule(null)).toList()))
			.toList());
	}

	private static Section greeting() {
		String guidance = "First ~15 s of agent speech.";
		return new Section("Greeting", List.of(
				yes("greeting.welcome", "Welcomes the caller", 2, guidance).withRule(saidFirst(WELCOME)),
				yes("greeting.company", "Says the company name", 1, guidance).withRule(saidFirst(COMPANY)),
				yes("greeting.own-name", "Gives their own name", 1, guidance).withRule(saidFirst(OWN_NAME))));
	}

	private static Section listening() {
		return new Section("Listening", List.of(
				yes("listening.confirms", "Confirms or paraphrases the request", 3,
						"\"So if I understand you correctly ...\", \"let me confirm ...\""),
				na(yes("listening.clarifies", "Asks clarifying questions", 2,
						"N/A when the request was already complete and clear."))));
	}

	private static Section empathy() {
		return new Section("Empathy and apology", List.of(na(yes("empathy.apology",
				"Shows empathy and apologises without admitting liability", 2,
				"When the customer reports a problem: \"I'm sorry you had this experience\". N/A when no problem was reported."))
			.withRule(Rule.phrase(Kind.SAID, EMPATHY, AGENT, STEMMED, Window.after(COMPLAINT, CUSTOMER, 60.0)))));
	}

	private static Section positiveLanguage() {
		return new Section("Positive language", List.of(points("language.positive",
				"Says what can be done rather than what cannot", 2, 2,
				"\"It should be available next week; I can order it for you now\" instead of \"it's out of stock\". "
						+ "0 = mostly negative, 1 = mixed, 2 = consistently positive.")));
	}

	private static Section forbiddenBehaviour() {
		String guidance = "Critical: one hit fails the whole evaluation. Answer yes when the rule was respected.";
		return new Section("Forbidden behaviour",
				List.of(critical("forbidden.no-blame", "Does not reproach or blame the customer", guidance)
					.withRule(notSaid(BLAME)),
						critical("forbidden.no-rudeness", "Is not rude or condescending", guidance)
							.withRule(notSaid(RUDENESS)),
						critical("forbidden.no-deception", "Does not deceive or make false promises", guidance)));
	}

	private static Section nextSteps() {
		return new Section("Next steps", List.of(
				yes("next-steps.stated", "Tells the customer what happens next, when, and how they will be informed", 3,
						"\"You will get an SMS\", \"an operator will call you back within one hour\". "
								+ "Quality is never left to interpretation."),
				na(yes("next-steps.promise-kept", "A callback promised on the call was made at the promised time", 2,
						"Check the callback record. N/A when nothing was promised."))));
	}

	private static Section extraMile() {
		return new Section("Extra mile", List.of(
				yes("extra-mile.further-help", "Offers further help", 1,
						"\"Is there anything else I can help you with?\"")
					.withRule(Rule.phrase(Kind.SAID, FURTHER_HELP, AGENT, TOLERANT, Window.last(60))),
				na(yes("extra-mile.offer", "Offers a cross- or up-sell", 1,
						"Only where the queue's standard asks for it; N/A otherwise."))));
	}

	private static Section closing() {
		return new Section("Closing", List.of(yes("closing.thanks", "Thanks the caller and says goodbye", 1, null)
			.withRule(Rule.phrase(Kind.SAID, GOODBYE, AGENT, TOLERANT, Window.last(20)))));
	}

	private static Section speedAndFlow() {
		return new Section("Speed and flow", List.of(
				na(yes("flow.answered-fast", "Answered fast (queue wait within the service-level target)", 1,
						"N/A for outbound calls.")),
				points("flow.no-dead-air", "No long dead air", 1, 2,
						"Silence over ~5 s. 0 = several, 1 = one, 2 = none. Automatic: none over 10 s.")
					.withRule(new Rule(Kind.SILENCE.name(), null, null, null, null, 10.0, null, null, null, null, null,
							null, null)),
				yes("flow.talk-balance", "Little talk-over and a sensible agent/customer talk ratio", 1, null)
					.withRule(new Rule(Kind.TALK_OVER.name(), null, null, null, null, null, null, 2, 0.05, null, null,
							null, null)),
				yes("flow.ended-when-met", "The call ended once the need was met", 1, null)));
	}

	private static final String AGENT = "AGENT";

	private static final String CUSTOMER = "CUSTOMER";

	private static final String STEMMED = "STEMMED";

	private static final String TOLERANT = "TOLERANT";

	/**
	 * "for calling" alone too: the bundled model often loses "thank you" on a telephone line ("aren't you for
	 * calling", RuleAccuracyBenchmark), and nothing else an agent says first has those two words.
	 */
	static final String WELCOME = "hello OR hi OR welcome OR \"good morning\" OR \"good afternoon\" OR \"good evening\" "
			+ "OR \"thank you for calling\" OR \"thanks for calling\" OR \"for calling\"";

	/** The words that come with the company's name; a call center replaces them with its name. */
	static final String COMPANY = "\"thank you for calling\" OR \"thanks for calling\" OR \"for calling\" "
			+ "OR \"welcome to\" OR \"you have reached\" OR \"you've reached\"";

	static final String OWN_NAME = "\"my name is\" OR \"my name's\" OR \"speaking with\" OR \"speaking to\"";

	/** A starter list of what an agent never says to a customer. */
	static final String RUDENESS = "\"not my problem\" OR stupid OR idiot OR dumb OR \"shut up\" OR \"calm down\" "
			+ "OR \"wasting my time\" OR \"i don't care\" OR \"not my job\"";

	static final String BLAME = "\"your fault\" OR \"you should have\" OR \"i already told you\" "
			+ "OR \"you're wrong\" OR \"you are wrong\" OR \"you didn't listen\"";

	static final String COMPLAINT = "complaint OR complain OR unhappy OR disappointed OR frustrated OR angry OR upset "
			+ "OR terrible OR awful OR broken OR damaged OR problem OR \"not working\" OR \"not arrived\" "
			+ "OR \"hasn't arrived\" OR \"still waiting\" OR \"charged twice\"";

	static final String EMPATHY = "sorry OR apologize OR apologise OR apologies OR understand OR \"i see how\"";

	static final String FURTHER_HELP = "\"anything else\" OR \"something else\" OR \"any other questions\"";

	/**
	 * The goodbye, or thanking the caller ("thank you for calling", the item's other half): the model hears the
	 * goodbye after it worst ("have a nice day, goodbye" as "him a nice may not my", RuleAccuracyBenchmark).
	 */
	static final String GOODBYE = "goodbye OR bye OR \"have a nice day\" OR \"have a good day\" "
			+ "OR \"have a great day\" OR \"for calling\"";

	/** Said by the agent in the first 15 s. */
	private static Rule saidFirst(String query) {
		return Rule.phrase(Kind.SAID, query, AGENT, TOLERANT, Window.first(15));
	}

	/** Never said by the agent, anywhere in the call. */
	private static Rule notSaid(String query) {
		return Rule.phrase(Kind.NOT_SAID, query, AGENT, STEMMED, null);
	}

	private static Item yes(String key, String label, double weight, @Nullable String guidance) {
		return new Item(key, label, weight, ItemType.YES_NO, null, false, false, guidance);
	}

	private static Item points(String key, String label, double weight, int maxPoints, String guidance) {
		return new Item(key, label, weight, ItemType.POINTS, maxPoints, false, false, guidance);
	}

	private static Item critical(String key, String label, String guidance) {
		return new Item(key, label, 1, ItemType.YES_NO, null, false, true, guidance);
	}

	private static Item na(Item item) {
		return new Item(item.key(), item.label(), item.weight(), item.type(), item.maxPoints(), true, item.critical(),
				item.guidance(), item.rule());
	}

}
