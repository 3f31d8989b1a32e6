package io.callqa.transcription.cli;

import java.nio.file.Path;

/**
 * Transcribes one file of the command line; never throws, a failure is a result.
 */
interface FileJob {

	FileResult run(Path file);

}
