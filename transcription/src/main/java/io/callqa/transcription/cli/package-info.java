/**
 * The command line transcriber ({@code transcription-cli.jar}): back-fills archives and benchmarks the recogniser.
 */
@NullMarked
package io.callqa.transcription.cli;

import org.jspecify.annotations.NullMarked;
