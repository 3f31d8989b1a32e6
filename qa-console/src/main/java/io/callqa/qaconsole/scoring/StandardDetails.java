package io.callqa.qaconsole.scoring;

import java.util.List;

/**
 * A standard with its current scorecard and all its versions, newest first.
 */
record StandardDetails(Standard standard, ScorecardVersion current, List<ScorecardVersion> versions) {

}
