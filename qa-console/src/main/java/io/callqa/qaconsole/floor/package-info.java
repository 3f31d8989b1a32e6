/**
 * The live floor in the console: the wallboard's read API ({@code GET /api/floor}), its Server-Sent Events stream
 * (one pusher thread for every wallboard), per-queue thresholds and today's figures per queue; and the supervisors'
 * actions on the floor.
 */
@NullMarked
package io.callqa.qaconsole.floor;

import org.jspecify.annotations.NullMarked;
