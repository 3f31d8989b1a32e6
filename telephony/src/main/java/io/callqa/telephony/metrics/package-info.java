/**
 * Manager metrics over queue calls, callbacks and survey answers, computed in SQL for a time range and grouped by
 * queue, agent, day or hour; definitions in README-metrics.md. Also the agent state metrics (login time, occupancy,
 * utilization, pause time by reason per agent and day) over the floor's recorded stretches; definitions in the README
 * ("Agent states").
 */
@NullMarked
package io.callqa.telephony.metrics;

import org.jspecify.annotations.NullMarked;
