package io.callqa.qaconsole.floor;

/**
 * Where one figure of a queue turns yellow and where it turns red (see {@link QueueThresholds}).
 */
record Level(double yellow, double red) {
}
