package io.callqa;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The call-center QA server: assembles telephony, transcription and the QA console in one process.
 */
@SpringBootApplication
public class CallQaApplication {

	public static void main(String[] args) {
		SpringApplication.run(CallQaApplication.class, args);
	}

}
