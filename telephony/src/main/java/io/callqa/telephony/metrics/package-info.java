/**
 * Manager metrics over queue calls, callbacks and survey answers, computed in SQL for a time range and grouped by
 * queue, agent, day or hour; definitions in README-metrics.md.
 */
@NullMarked
package io.callqa.telephony.metrics;

import org.jspecify.annotations.NullMarked;
