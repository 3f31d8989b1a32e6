/**
 * Automatic scoring of every transcribed call against the rules of its standard: the evaluations with their evidence,
 * kept apart from the human ones; a supervisor's review (confirm or override) that never changes the automatic value;
 * the pipeline (a listener on each new transcript, a durable sweep) and the background re-evaluation of a period after
 * a standard changed.
 */
@NullMarked
package io.callqa.qaconsole.autoscore;

import org.jspecify.annotations.NullMarked;
