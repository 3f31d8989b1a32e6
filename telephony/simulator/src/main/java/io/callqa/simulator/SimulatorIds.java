package io.callqa.simulator;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * Server-wide id counters, as one Asterisk process keeps them: Uniqueids {@code <creation second>.<sequence>}
 * (with {@code systemname} set: {@code <systemname>-<creation second>.<sequence>}) and
 * the 8-hex-digit Local channel numbers; both restart from 0 with the process, so {@link #restart} also moves the
 * epoch forward to keep ids of the new "process" distinct from the old ones.
 */
final class SimulatorIds {

	private final AtomicLong sequence = new AtomicLong();

	private final AtomicLong localChannels = new AtomicLong();

	private volatile long bootSecond;

	private volatile @Nullable String systemName;

	/** The latest second any Uniqueid used: a restarted "process" must start after it, or ids would repeat. */
	private final AtomicLong latestSecond = new AtomicLong();

	SimulatorIds(long bootSecond) {
		this.bootSecond = bootSecond;
	}

	/** A Uniqueid for a channel created at {@code at}; never before the boot second of this "process". */
	String uniqueid(Instant at) {
		long second = Math.max(at.getEpochSecond(), this.bootSecond);
		this.latestSecond.accumulateAndGet(second, Math::max);
		String id = second + "." + this.sequence.getAndIncrement();
		return (this.systemName != null) ? this.systemName + "-" + id : id;
	}

	/** asterisk.conf's {@code systemname}, which Asterisk puts in front of every Uniqueid; null for none. */
	void systemName(@Nullable String systemName) {
		this.systemName = systemName;
	}

	/** The {@code -0000000c} part of a Local channel name. */
	String localChannelNumber() {
		return String.format("%08x", this.localChannels.getAndIncrement());
	}

	String bridgeId() {
		return UUID.randomUUID().toString();
	}

	long bootSecond() {
		return this.bootSecond;
	}

	/** Forgets the counters as a restarted Asterisk does; the new epoch is strictly later than the old one. */
	void restart(long nowSecond) {
		this.bootSecond = Math.max(nowSecond, Math.max(this.bootSecond, this.latestSecond.get()) + 1);
		this.sequence.set(0);
		this.localChannels.set(0);
	}

}
