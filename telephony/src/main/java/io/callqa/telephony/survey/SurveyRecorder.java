package io.callqa.telephony.survey;

import java.time.Instant;

import io.callqa.telephony.AlertKind;
import io.callqa.telephony.SupervisorAlerts;
import io.callqa.telephony.SurveyAnswered;
import io.callqa.telephony.survey.SurveyRepository.SurveyedCall;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a survey answer with its call and raises the low-score alert in the same transaction, announcing
 * {@link SurveyAnswered} in it when the call is known.
 */
@Service
class SurveyRecorder {

	private static final Logger logger = LoggerFactory.getLogger(SurveyRecorder.class);

	private final SurveyRepository responses;

	private final SupervisorAlerts alerts;

	private final SurveyProperties properties;

	private final ApplicationEventPublisher events;

	SurveyRecorder(SurveyRepository responses, SupervisorAlerts alerts, SurveyProperties properties,
			ApplicationEventPublisher events) {
		this.responses = responses;
		this.alerts = alerts;
		this.properties = properties;
		this.events = events;
	}

	/**
	 * Stores the answer; a call not (yet) known is no reason to lose it: the Uniqueid is kept to match it later.
	 * @return the survey response's id
	 */
	@Transactional
	long record(SurveyAnswer answer) {
		SurveyedCall call = this.responses.findCall(answer.server(), answer.uniqueid()).orElse(null);
		if (call == null) {
			logger.info("Survey answer for unknown call (uniqueid {}): stored with its Uniqueid only",
					answer.uniqueid());
		}
		Long callId = (call != null) ? call.id() : null;
		String agent = firstOf(answer.agent(), (call != null) ? call.agent() : null);
		String queue = firstOf(answer.queue(), (call != null) ? call.queue() : null);
		long id = this.responses.insert(answer, callId, agent, queue, Instant.now());
		if (callId != null) {
			this.events.publishEvent(new SurveyAnswered(callId));
		}
		if (isLow(answer.score())) {
			this.alerts.raise(AlertKind.LOW_SURVEY, callId, agent, queue, "Survey score " + answer.score()
					+ "/10 from caller " + answer.callerNumber() + " (uniqueid " + answer.uniqueid() + ")");
		}
		return id;
	}

	private boolean isLow(@Nullable Integer score) {
		return score != null && score < this.properties.alertBelow();
	}

	private static @Nullable String firstOf(@Nullable String preferred, @Nullable String fallback) {
		return (preferred != null && !preferred.isBlank()) ? preferred : fallback;
	}

}
