package io.callqa.transcription.jobs;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a worker runs: the host name and the kernel's boot id (Linux; empty elsewhere), recorded with each claim so
 * that a worker on the same host can tell that the host was restarted since (power cut, reboot) and that the job's
 * worker did not die of its recording.
 */
record ClaimingHost(String name, String bootId) {

	static final ClaimingHost CURRENT = new ClaimingHost(hostName(), bootId(Path.of("/proc/sys/kernel/random/boot_id")));

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (IOException ex) {
			return "localhost";
		}
	}

	static String bootId(Path file) {
		try {
			return Files.readString(file).trim();
		}
		catch (IOException | RuntimeException ex) {
			return "";
		}
	}

}
