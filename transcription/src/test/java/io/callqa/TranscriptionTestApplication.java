package io.callqa;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Assembles telephony and transcription (and the embedded database) for this module's integration tests; its main
 * method runs a worker process for the tests that kill one.
 */
@SpringBootApplication
public class TranscriptionTestApplication {

	public static void main(String[] args) {
		SpringApplication.run(TranscriptionTestApplication.class, args);
	}

}
