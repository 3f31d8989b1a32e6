/**
 * Calibration: how far the automatic rules agree with the supervisors on calls scored both ways (per item and per
 * standard version), and blind calibration sessions in which several supervisors score the same calls, see the spread
 * per item and record the agreed answer.
 */
@NullMarked
package io.callqa.qaconsole.calibration;

import org.jspecify.annotations.NullMarked;
