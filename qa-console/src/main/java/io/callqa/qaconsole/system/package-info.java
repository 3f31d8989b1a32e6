/**
 * Cross-cutting web concerns: problem+json errors, health and metrics.
 */
@NullMarked
package io.callqa.qaconsole.system;

import org.jspecify.annotations.NullMarked;
