/**
 * Stored transcripts, each adding a row to the outbox of transcript changes that the index follows.
 */
@NullMarked
package io.callqa.transcription.transcripts;

import org.jspecify.annotations.NullMarked;
