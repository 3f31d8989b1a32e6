/**
 * The durable transcription queue in PostgreSQL, the workers that drain it, storing transcripts, and the
 * implementation of the {@link io.callqa.transcription.Transcriptions} front door.
 */
@NullMarked
package io.callqa.transcription.jobs;

import org.jspecify.annotations.NullMarked;
