package io.callqa.qaconsole.floor;

import io.callqa.telephony.FloorSnapshot;

/**
 * What a wallboard starts from ({@code GET /api/floor} and the stream's first event): the live floor, the queues'
 * thresholds and today's figures.
 */
record FloorView(FloorSnapshot floor, WallboardThresholds.Thresholds thresholds, FloorToday today) {
}
