package io.callqa.qaconsole.promises;

/**
 * Promises of one agent or queue in a period, by where they stand now.
 *
 * @param key the agent or queue ("" for calls without one)
 * @param made every promise found
 * @param keptOnTime callback promises kept before their due time
 * @param late kept, but after their due time
 * @param broken due, and not kept yet
 * @param open not due yet
 * @param notChecked promises no call can prove (an e-mail, no number)
 */
public record PromiseStats(String key, long made, long keptOnTime, long late, long broken, long open,
		long notChecked) {
}
