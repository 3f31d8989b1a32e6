/**
 * The post-call survey: a FastAGI script asks the caller for a 0-10 rating after the agent hangs up, stores it with
 * the call, agent and queue, and alerts a supervisor when the score is low.
 */
@NullMarked
package io.callqa.telephony.survey;

import org.jspecify.annotations.NullMarked;
