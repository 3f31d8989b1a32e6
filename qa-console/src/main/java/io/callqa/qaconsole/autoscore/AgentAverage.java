package io.callqa.qaconsole.autoscore;

/**
 * An agent's average automatic score over the calls automatically evaluated in a period.
 */
record AgentAverage(String agent, double average, long calls) {
}
