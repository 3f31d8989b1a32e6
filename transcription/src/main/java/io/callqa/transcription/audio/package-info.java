/**
 * Reads WAV recordings as 16-bit samples per channel at the speech model's rate, streaming and resampling them.
 */
@NullMarked
package io.callqa.transcription.audio;

import org.jspecify.annotations.NullMarked;
