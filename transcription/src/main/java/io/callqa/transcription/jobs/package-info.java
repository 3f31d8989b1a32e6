/**
 * The durable transcription queue in PostgreSQL and the workers that drain it, storing transcripts.
 */
@NullMarked
package io.callqa.transcription.jobs;

import org.jspecify.annotations.NullMarked;
