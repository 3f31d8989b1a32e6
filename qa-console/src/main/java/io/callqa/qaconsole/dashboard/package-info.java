/**
 * The manager dashboard's data: answer and callback speed, satisfaction and NPS, the agent leaderboard, CSV export.
 */
@NullMarked
package io.callqa.qaconsole.dashboard;

import org.jspecify.annotations.NullMarked;
