package io.callqa.telephony.survey;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Post-call survey settings; prompts are Asterisk sound file names (without extension) recorded for the site.
 *
 * @param prompt asks the caller to rate the call from 0 to 10 and press # when done
 * @param retryPrompt says the input was not understood and asks again
 * @param thanksPrompt thanks the caller at the end
 * @param digitTimeout how long Asterisk waits for the (next) digit before taking what was entered
 * @param prompts how many times the caller is asked in all before the survey is stored as "no answer"
 * @param alertBelow a score below this raises a LOW_SURVEY supervisor alert
 */
@Validated
@ConfigurationProperties("callqa.telephony.survey")
record SurveyProperties(@DefaultValue("callqa/survey-rate-0-10") @NotBlank String prompt,
		@DefaultValue("callqa/survey-invalid-try-again") @NotBlank String retryPrompt,
		@DefaultValue("callqa/survey-thank-you") @NotBlank String thanksPrompt,
		@DefaultValue("5s") Duration digitTimeout, @DefaultValue("3") @Min(1) @Max(5) int prompts,
		@DefaultValue("5") @Min(0) @Max(11) int alertBelow) {
}
