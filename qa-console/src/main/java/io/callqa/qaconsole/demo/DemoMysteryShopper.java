package io.callqa.qaconsole.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.callqa.qaconsole.mystery.MysteryShoppers;
import io.callqa.qaconsole.scoring.Scorecard;
import io.callqa.qaconsole.scoring.Standards;

/**
 * Demo mode only: the mystery shopper's number ({@link DemoCalls#MYSTERY_SHOPPER}) is on the list, and a "Mystery
 * shopper" standard with rules scores test calls, so the demo's mystery-shopper conversation is scored with it and
 * reported apart. Its rules use the phrases the bundled model hears in that conversation (checked by
 * DemoConversationsTranscriptionTests). A standard or setting somebody changed is left alone after a restart.
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty("callqa.demo.enabled")
class DemoMysteryShopper implements ApplicationRunner {

	static final String STANDARD = "Mystery shopper";

	private static final Logger logger = LoggerFactory.getLogger(DemoMysteryShopper.class);

	private static final String SCORECARD = """
			{"passThreshold":80,"sections":[{"name":"Test call","items":[
			 {"key":"greeting","label":"Greets with the company phrase","weight":1,"type":"YES_NO",
			  "rule":{"kind":"SAID","query":"\\"thank you for calling\\"","speaker":"AGENT","matching":"TOLERANT",
			          "window":{"kind":"FIRST","seconds":15}}},
			 {"key":"name","label":"Says their name","weight":1,"type":"YES_NO",
			  "rule":{"kind":"SAID","query":"\\"my name is\\"","speaker":"AGENT","matching":"TOLERANT",
			          "window":{"kind":"FIRST","seconds":20}}},
			 {"key":"anything-else","label":"Asks if there is anything else","weight":1,"type":"YES_NO",
			  "rule":{"kind":"SAID","query":"\\"anything else\\"","speaker":"AGENT","matching":"TOLERANT"}},
			 {"key":"courtesy","label":"No rude or blaming phrases","weight":2,"type":"YES_NO","critical":true,
			  "rule":{"kind":"NOT_SAID","query":"\\"not my problem\\" OR stupid OR idiot OR \\"shut up\\" OR \\"your fault\\"",
			          "speaker":"AGENT"}},
			 {"key":"no-dead-air","label":"No silence over 10 seconds","weight":1,"type":"YES_NO",
			  "rule":{"kind":"SILENCE","maxSec":10}}]}]}""";

	private final Standards standards;

	private final MysteryShoppers shoppers;

	DemoMysteryShopper(Standards standards, MysteryShoppers shoppers) {
		this.standards = standards;
		this.shoppers = shoppers;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			this.standards.create(STANDARD, "Demo: what a mystery shopper checks on a test call",
					JsonMapper.builder().build().readValue(SCORECARD, Scorecard.class), "demo");
		}
		catch (RuntimeException ex) {
			// Created on an earlier start (a duplicate name): kept as it is, edits included.
			logger.debug("Demo standard '{}' not created: {}", STANDARD, ex.getMessage());
		}
		this.shoppers.addIfAbsent(DemoCalls.MYSTERY_SHOPPER, "Demo: the mystery shopper's phone", 0, "demo");
		this.shoppers.useStandardIfUnset(STANDARD, "demo");
		logger.info("Demo mystery shopper: calls from {} are test calls, scored with the standard '{}'",
				DemoCalls.MYSTERY_SHOPPER, STANDARD);
	}

}
