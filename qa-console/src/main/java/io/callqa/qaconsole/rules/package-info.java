/**
 * Rules on scorecard items, checked automatically on every transcribed call: what must or must not be said (a query
 * in the search syntax, by a speaker, in a window of the call), timing and talk (dead air, talk-over, talk share,
 * speed), and call facts. {@link io.callqa.qaconsole.rules.AutomaticScoring} evaluates a scorecard version's rules
 * against a transcript, each item with the evidence that decided it.
 */
@NullMarked
package io.callqa.qaconsole.rules;

import org.jspecify.annotations.NullMarked;
