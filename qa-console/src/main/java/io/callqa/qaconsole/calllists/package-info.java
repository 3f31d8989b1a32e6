/**
 * Call lists with their current QA score, and the agent's live call with the caller's history; built on calls and
 * scoring, which do not know about it.
 */
@NullMarked
package io.callqa.qaconsole.calllists;

import org.jspecify.annotations.NullMarked;
