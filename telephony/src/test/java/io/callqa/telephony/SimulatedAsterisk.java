package io.callqa.telephony;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

import io.callqa.simulator.AmiSimulator;

/**
 * Points the application's AMI connector at a simulator, as manager.conf and the settings would at a real Asterisk.
 */
public final class SimulatedAsterisk {

	public static final String USER = "callqa";

	public static final String SECRET = "s3cret";

	private SimulatedAsterisk() {
	}

	/** A simulator accepting {@link #USER} and {@link #SECRET}. */
	public static AmiSimulator start() {
		return AmiSimulator.start(USER, SECRET);
	}

	/** Registers {@code simulator} as the connector's only server, named {@code name}. */
	public static void connect(DynamicPropertyRegistry registry, AmiSimulator simulator, String name) {
		registry.add("callqa.telephony.ami.servers[0].name", () -> name);
		registry.add("callqa.telephony.ami.servers[0].port", simulator::port);
		registry.add("callqa.telephony.ami.servers[0].username", () -> USER);
		registry.add("callqa.telephony.ami.servers[0].secret", () -> SECRET);
	}

	/**
	 * Registers {@code simulator} as the connector's only server, named {@code name}, and {@code monitor} as the
	 * directory its recordings are collected from (the simulator's {@code recordInto}).
	 */
	public static void connect(DynamicPropertyRegistry registry, AmiSimulator simulator, String name, Path monitor) {
		connect(registry, simulator, name);
		registry.add("callqa.telephony.recordings.asterisk.dir", monitor::toString);
	}

	/** A fresh directory for the simulator's MixMonitor files, as Asterisk's monitor directory. */
	public static Path monitorDirectory() {
		try {
			return Files.createTempDirectory("callqa-monitor-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
