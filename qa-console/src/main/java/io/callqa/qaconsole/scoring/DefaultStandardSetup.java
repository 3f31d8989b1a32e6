package io.callqa.qaconsole.scoring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the default standard on first start, so supervisors can score calls before anybody writes a scorecard; gives
 * an unchanged default standard from before rules existed its rules (a new version).
 */
@Component
class DefaultStandardSetup implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(DefaultStandardSetup.class);

	private final Standards standards;

	DefaultStandardSetup(Standards standards) {
		this.standards = standards;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.standards.createDefaultIfAbsent()) {
			logger.info("Created the default service standard '{}'", Standards.DEFAULT_NAME);
		}
		else if (this.standards.addDefaultRulesIfUnchanged()) {
			logger.info("Added the automatic scoring rules to the default service standard as a new version");
		}
	}

}
