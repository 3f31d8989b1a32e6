/**
 * Transcription: turns recorded calls into stored, searchable transcripts. Other modules use the types in this
 * package ({@link io.callqa.transcription.Transcriptions} and the records it returns); sub-packages are internal.
 */
@NullMarked
package io.callqa.transcription;

import org.jspecify.annotations.NullMarked;
