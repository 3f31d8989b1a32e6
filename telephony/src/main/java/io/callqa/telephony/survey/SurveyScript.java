package io.callqa.telephony.survey;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import io.callqa.telephony.agi.AgiCall;
import io.callqa.telephony.agi.AgiCallException;
import io.callqa.telephony.agi.CallerHungUpException;
import io.callqa.telephony.agi.FastAgiScript;

/**
 * The {@code survey} FastAGI script: asks the caller to rate the call 0-10 after the agent hung up.
 * <p>
 * The server shares one instance between calls on its own threads, so it keeps no per-call state in fields.
 */
@Component("survey")
class SurveyScript implements FastAgiScript {

	private static final Logger logger = LoggerFactory.getLogger(SurveyScript.class);

	/** GET DATA's result when the caller hung up while it ran (Asterisk then sends a HANGUP line). */
	private static final String HUNG_UP = "-1";

	private static final int MAX_DIGITS = 2;

	private final SurveyRecorder recorder;

	private final SurveyProperties properties;

	SurveyScript(SurveyRecorder recorder, SurveyProperties properties) {
		this.recorder = recorder;
		this.properties = properties;
	}

	@Override
	public void run(AgiCall call) {
		String uniqueid = call.uniqueid();
		SurveyAnswer answer;
		try {
			answer = ask(call);
		}
		catch (CallerHungUpException ex) {
			// Not rethrown: Asterisk-Java would log it again as an error with a stack trace.
			logger.info("Caller hung up during the survey (uniqueid {}): nothing stored", uniqueid);
			return;
		}
		catch (AgiCallException ex) {
			logger.warn("Survey failed (uniqueid {}): {}; nothing stored", uniqueid, ex.toString());
			return;
		}
		store(answer);
		thank(call, uniqueid);
	}

	private SurveyAnswer ask(AgiCall call) throws AgiCallException {
		call.answer();
		String agent = call.variable("MEMBERNAME");
		String queue = firstOf(call.argument("queue"), call.variable("QUEUENAME"));
		Integer score = readScore(call);
		if (score == null) {
			logger.info("No valid survey score after {} prompts (uniqueid {}): stored as no answer",
					this.properties.prompts(), call.uniqueid());
		}
		return new SurveyAnswer(call.argument("server"), call.uniqueid(), call.callerNumber(), agent, queue, score);
	}

	private @Nullable Integer readScore(AgiCall call) throws AgiCallException {
		for (int prompt = 1; prompt <= this.properties.prompts(); prompt++) {
			String file = (prompt == 1) ? this.properties.prompt() : this.properties.retryPrompt();
			String digits = call.getData(file, this.properties.digitTimeout().toMillis(), MAX_DIGITS);
			if (HUNG_UP.equals(digits)) {
				throw new CallerHungUpException("hung up during GET DATA");
			}
			Integer score = SurveyScore.parse(digits);
			if (score != null) {
				return score;
			}
		}
		return null;
	}

	private void store(SurveyAnswer answer) {
		try {
			this.recorder.record(answer);
		}
		catch (RuntimeException ex) {
			// The database is the only other copy: the log line keeps the answer for a manual fix.
			logger.error("Survey answer not stored (uniqueid {}, agent {}, queue {}, score {}): {}", answer.uniqueid(),
					answer.agent(), answer.queue(), answer.score(), ex.toString());
		}
	}

	private void thank(AgiCall call, String uniqueid) {
		try {
			call.streamFile(this.properties.thanksPrompt());
		}
		catch (AgiCallException ex) {
			// The answer is stored; a caller who hangs up during the thanks misses nothing.
			logger.debug("Thank-you prompt not played (uniqueid {}): {}", uniqueid, ex.toString());
		}
	}

	private static @Nullable String firstOf(@Nullable String preferred, @Nullable String fallback) {
		return (preferred != null && !preferred.isBlank()) ? preferred : fallback;
	}

}
