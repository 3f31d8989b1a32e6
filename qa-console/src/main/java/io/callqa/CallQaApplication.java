package io.callqa;

import sun.misc.Signal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The call-center QA server: assembles telephony, transcription and the QA console in one process.
 */
@SpringBootApplication
public class CallQaApplication {

	public static void main(String[] args) {
		exitWithZeroOnSigterm();
		SpringApplication.run(CallQaApplication.class, args);
	}

	/**
	 * SIGTERM is how systemd and container runtimes ask a service to stop. The JVM's own handler runs the shutdown
	 * hooks (Spring closes the context in the order of {@code io.callqa.telephony.LifecyclePhases}) and then exits
	 * with 143, which they report as a failure. This handler runs the same shutdown through {@code System.exit(0)}.
	 */
	static void exitWithZeroOnSigterm() {
		try {
			Signal.handle(new Signal("TERM"), (signal) -> System.exit(0));
		}
		catch (IllegalArgumentException ex) {
			// No SIGTERM here (or the JVM runs with -Xrs): the JVM's default handling stays.
		}
	}

}
