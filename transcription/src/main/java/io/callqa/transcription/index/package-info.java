/**
 * The Lucene index of transcribed calls and its search, one document per call.
 */
@NullMarked
package io.callqa.transcription.index;

import org.jspecify.annotations.NullMarked;
