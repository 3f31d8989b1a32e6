/**
 * The review queue: the calls a supervisor should look at first (failed critical automatic items, disputed
 * evaluations, broken promises, low surveys, the lowest automatic scores), each with its reasons, in a documented
 * order. It only reads: each reason comes from the feature that owns it (autoscore's, scoring's and promises' tables
 * here, telephony's low-survey alerts and call list through its front door).
 */
@NullMarked
package io.callqa.qaconsole.review;

import org.jspecify.annotations.NullMarked;
