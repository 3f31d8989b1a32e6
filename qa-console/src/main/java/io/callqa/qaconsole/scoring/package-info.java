/**
 * Scoring calls against the service standard: versioned scorecards, their assignment to queues, evaluations with
 * revisions, the agent's acknowledgement or dispute, and random sampling of calls to evaluate.
 */
@NullMarked
package io.callqa.qaconsole.scoring;

import org.jspecify.annotations.NullMarked;
