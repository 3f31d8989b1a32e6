package io.callqa.telephony;

/**
 * A caller answered the post-call survey of a known call. Published inside the transaction that stores the answer.
 */
public record SurveyAnswered(long callId) {
}
