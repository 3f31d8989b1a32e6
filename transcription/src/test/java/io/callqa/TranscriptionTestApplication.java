package io.callqa;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Assembles telephony and transcription (and the embedded database) for this module's integration tests.
 */
@SpringBootApplication
public class TranscriptionTestApplication {

}
