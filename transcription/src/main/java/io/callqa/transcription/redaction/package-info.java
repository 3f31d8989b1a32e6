/**
 * Finds what must not be kept of a call (card numbers, security codes, configured patterns such as a date of birth)
 * in the words the recogniser produced, and replaces them with a label. No Spring in the detector: plain unit tests.
 */
@NullMarked
package io.callqa.transcription.redaction;

import org.jspecify.annotations.NullMarked;
