package io.callqa.qaconsole.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * CPU time used by this JVM and by the embedded PostgreSQL (its postmaster and every backend, from Linux's
 * {@code /proc}): on a shared machine, wall time says how busy the others were, CPU time what the work cost.
 */
public final class CpuClock {

	/** Linux's USER_HZ: /proc counts CPU time in these ticks. */
	private static final double TICKS_PER_SECOND = 100;

	private final long postmaster;

	private CpuClock(long postmaster) {
		this.postmaster = postmaster;
	}

	/** The clock of this JVM and the database {@code jdbc} talks to (which must run on this machine). */
	public static CpuClock of(JdbcClient jdbc) {
		long backend = jdbc.sql("select pg_backend_pid()").query(Long.class).single();
		return new CpuClock(Long.parseLong(stat(backend)[1]));
	}

	/** Seconds of CPU used so far, by this JVM and by the database. */
	public Reading read() {
		double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1e9;
		return new Reading(jvm, threadSeconds("autoscore"), allocatedBytes("autoscore"), databaseSeconds());
	}

	/** Bytes allocated by this JVM's live threads whose name starts so: the garbage the collector pays for. */
	private static long allocatedBytes(String prefix) {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long bytes = 0;
		for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info != null && info.getThreadName().startsWith(prefix)) {
				bytes += Math.max(0, threads.getThreadAllocatedBytes(info.getThreadId()));
			}
		}
		return bytes;
	}

	/** CPU seconds of this JVM's live threads whose name starts so (the JIT and the GC are not Java threads). */
	private static double threadSeconds(String prefix) {
		java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long nanos = 0;
		for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info != null && info.getThreadName().startsWith(prefix)) {
				nanos += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
			}
		}
		return nanos / 1e9;
	}

	private double databaseSeconds() {
		String[] own = stat(this.postmaster);
		// The postmaster's own time and that of its children that ended (cutime, cstime) ...
		long ticks = Long.parseLong(own[11]) + Long.parseLong(own[12]) + Long.parseLong(own[13])
				+ Long.parseLong(own[14]);
		// ... and of those still running: the backends, the writer, the WAL writer.
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			for (Path process : (Iterable<Path>) processes::iterator) {
				String name = process.getFileName().toString();
				if (!name.chars().allMatch(Character::isDigit)) {
					continue;
				}
				String[] stat = stat(Long.parseLong(name));
				if (stat.length > 12 && Long.parseLong(stat[1]) == this.postmaster) {
					ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return ticks / TICKS_PER_SECOND;
	}

	/** The fields of /proc/pid/stat after the command's name: [0] state, [1] ppid, [11] utime ... [14] cstime. */
	private static String[] stat(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		}
		catch (IOException ex) {
			// The process ended while we looked.
			return new String[0];
		}
	}

	/** CPU seconds of this JVM (of which its threads named autoscore...) and of the database. */
	public record Reading(double jvm, double autoscoreThreads, long autoscoreAllocated, double database) {

		public double total() {
			return this.jvm + this.database;
		}

		public Reading since(Reading earlier) {
			return new Reading(this.jvm - earlier.jvm, this.autoscoreThreads - earlier.autoscoreThreads,
					this.autoscoreAllocated - earlier.autoscoreAllocated, this.database - earlier.database);
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT,
					"%.1f s CPU (JVM %.1f s, of which autoscore threads %.1f s allocating %d MB; PostgreSQL %.1f s)",
					total(), this.jvm, this.autoscoreThreads, this.autoscoreAllocated >> 20, this.database);
		}

	}

}
