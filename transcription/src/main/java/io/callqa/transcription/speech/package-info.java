/**
 * Speech recognition with Vosk: finding the model, and turning an audio file into utterances with timed words.
 * Free of Spring so the command line transcriber can use it alone.
 */
@NullMarked
package io.callqa.transcription.speech;

import org.jspecify.annotations.NullMarked;
