/**
 * The daily standards report: per agent and day (in the configured zone) the calls checked automatically, the
 * automatic average, the pass share, the most failed items, critical fails and promises made and broken; a weekly
 * trend; and the alerts that go with it (a failed critical item once per call, an agent's day under the pass mark once
 * per agent and day), raised by a scheduled job that catches up after a restart. It reads autoscore's and promises'
 * tables and leaves mystery-shopper calls out of every figure.
 */
@NullMarked
package io.callqa.qaconsole.standardsreport;

import org.jspecify.annotations.NullMarked;
