package io.callqa;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Assembles telephony (and the embedded database) for this module's integration tests.
 */
@SpringBootApplication
public class TelephonyTestApplication {

	public static void main(String[] args) {
		SpringApplication.run(TelephonyTestApplication.class, args);
	}

}
