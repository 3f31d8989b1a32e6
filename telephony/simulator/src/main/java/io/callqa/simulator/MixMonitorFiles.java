package io.callqa.simulator;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes MixMonitor-like recordings (RIFF PCM 16-bit mono 8 kHz) into a directory as the played events go: the
 * file appears with a header whose sizes are 0 when recording starts, grows with audio up to each later event's
 * timestamp, and gets its final sizes only when the recorded channel hangs up, like a real recorder. A call with a
 * {@link Conversation} (announced by {@link #expect}) gets the conversation in its files, from the answer on: the
 * agent's channel in {@code -agent.wav}, the customer's in {@code -customer.wav}, both mixed in the mixed file;
 * other calls get looped fixtures.
 */
final class MixMonitorFiles {

	private static final Logger logger = LoggerFactory.getLogger(MixMonitorFiles.class);

	private final @Nullable Path directory;

	private final boolean perParty;

	private final Map<String, List<Recording>> byUniqueid = new HashMap<>();

	/** Conversations of calls about to play, by recording base name (the file name without {@code .wav}). */
	private final Map<String, Expected> conversations = new HashMap<>();

	private final AudioFixture mixed = AudioFixture.load("conversation-8k.wav");

	private final AudioFixture in = AudioFixture.load("refund-8k.wav");

	private final AudioFixture out = AudioFixture.load("asterisk-inbound-answered.wav");

	MixMonitorFiles(@Nullable Path directory, boolean perParty) {
		this.directory = directory;
		this.perParty = perParty;
	}

	/** The directory recordings go to, as Asterisk's dialplan names it ({@code ${RECDIR}}). */
	String directoryName() {
		return (this.directory != null) ? this.directory.toString() : "/var/spool/asterisk/monitor";
	}

	synchronized void observe(AmiEvent event, Instant at) {
		String uniqueid = event.value("Uniqueid");
		if (event.type().equals("VarSet") && "MIXMONITOR_FILENAME".equals(event.value("Variable"))
				&& uniqueid != null) {
			start(uniqueid, String.valueOf(event.value("Value")), null, null, at);
		}
		// The per-party files the dialplan names (r() and t() options), written only when asked for.
		if (this.perParty && event.type().equals("Newexten") && "MixMonitor".equals(event.value("Application"))
				&& uniqueid != null) {
			String options = String.valueOf(event.value("AppData"));
			String in = SimulatedAsterisk.option(options, 'r');
			String out = SimulatedAsterisk.option(options, 't');
			if (in != null || out != null) {
				start(uniqueid, null, in, out, at);
			}
		}
		this.byUniqueid.values().forEach((recordings) -> recordings.forEach((recording) -> recording.growTo(at)));
		if (event.type().equals("Hangup") && uniqueid != null) {
			// Like MixMonitor, the mixed and per-party files all close within milliseconds of the hangup.
			List<Recording> finished = this.byUniqueid.remove(uniqueid);
			if (finished != null) {
				finished.forEach(Recording::finish);
			}
		}
	}

	/**
	 * Starts recording channel {@code uniqueid} into {@code file} and, if named, the per-party files {@code in}
	 * (MixMonitor r(): audio received from the channel) and {@code out} (t()); names are kept, in the configured
	 * directory.
	 */
	synchronized void start(String uniqueid, @Nullable String file, @Nullable String in, @Nullable String out,
			Instant at) {
		if (this.directory == null) {
			return;
		}
		List<Recording> recordings = this.byUniqueid.computeIfAbsent(uniqueid, (key) -> new ArrayList<>());
		if (file != null && !file.isEmpty()) {
			recordings.add(new Recording(inDirectory(file), audio(file, this.mixed, at), at));
		}
		if (in != null) {
			recordings.add(new Recording(inDirectory(in), audio(in, this.in, at), at));
		}
		if (out != null) {
			recordings.add(new Recording(inDirectory(out), audio(out, this.out, at), at));
		}
	}

	/**
	 * The call whose recordings are named {@code base} ({@code .../support-<UNIQUEID>}, without {@code .wav}) plays
	 * {@code conversation} from {@code answered} on.
	 */
	synchronized void expect(String base, Conversation conversation, Instant answered) {
		// Forget what was never recorded (a call played without a directory, or cut short), so this stays small.
		this.conversations.values().removeIf((expected) -> expected.answered.isBefore(answered.minusSeconds(3600)));
		this.conversations.put(Path.of(base).getFileName().toString(), new Expected(conversation, answered));
	}

	/** The conversation's channel the file records, if its call has one; else the fixture. */
	private RecordedAudio audio(String file, AudioFixture fixture, Instant started) {
		String name = Path.of(file).getFileName().toString().replaceFirst("\\.wav$", "");
		Conversation.Channel channel = Conversation.Channel.MIXED;
		if (name.endsWith("-agent") || name.endsWith("-customer")) {
			channel = name.endsWith("-agent") ? Conversation.Channel.AGENT : Conversation.Channel.CUSTOMER;
			name = name.substring(0, name.lastIndexOf('-'));
		}
		Expected expected = this.conversations.get(name);
		if (expected == null) {
			return fixture;
		}
		long lead = Math.max(0, Duration.between(started, expected.answered).toMillis())
				* AudioFixture.BYTES_PER_SECOND / 1000 & ~1L;
		return expected.conversation.channel(channel, lead);
	}

	private record Expected(Conversation conversation, Instant answered) {
	}

	private Path inDirectory(String file) {
		return this.directory.resolve(Path.of(file).getFileName());
	}

	/** Abandons open files without finishing them, as a crashed Asterisk leaves them. */
	synchronized void abandonAll() {
		this.byUniqueid.values().forEach((recordings) -> recordings.forEach(Recording::close));
		this.byUniqueid.clear();
	}

	private static final class Recording {

		/** Longer than any simulated call. */
		private static final Duration LONGEST = Duration.ofHours(4);

		private final Path path;

		private final RecordedAudio audio;

		private final Instant started;

		private @Nullable RandomAccessFile file;

		private long written;

		Recording(Path path, RecordedAudio audio, Instant started) {
			this.path = path;
			this.audio = audio;
			this.started = started;
			try {
				Files.createDirectories(path.getParent());
				this.file = new RandomAccessFile(path.toFile(), "rw");
				this.file.setLength(0);
				this.file.write(AudioFixture.header(0));
			}
			catch (IOException ex) {
				logger.warn("Cannot create simulated recording {}: {}", path, ex.getMessage());
			}
		}

		/** Appends audio up to {@code at} (scripted time since the start). */
		void growTo(Instant at) {
			// An event of another timeline (a test's call at a fixed date next to one played now) is days away:
			// growing to it would write gigabytes, and its length overflows the int of one write.
			if (Duration.between(this.started, at).compareTo(LONGEST) > 0) {
				return;
			}
			long target = Math.max(0, Duration.between(this.started, at).toMillis()) * AudioFixture.BYTES_PER_SECOND
					/ 1000 & ~1L;
			if (this.file == null || target <= this.written) {
				return;
			}
			try {
				this.file.seek(44 + this.written);
				this.file.write(this.audio.slice(this.written, (int) (target - this.written)));
				this.written = target;
			}
			catch (IOException ex) {
				logger.warn("Cannot write simulated recording {}: {}", this.path, ex.getMessage());
				close();
			}
		}

		void finish() {
			if (this.file == null) {
				return;
			}
			try {
				this.file.seek(0);
				this.file.write(AudioFixture.header(this.written));
			}
			catch (IOException ex) {
				logger.warn("Cannot finish simulated recording {}: {}", this.path, ex.getMessage());
			}
			close();
		}

		void close() {
			try {
				if (this.file != null) {
					this.file.close();
				}
			}
			catch (IOException ex) {
				// Nothing left to release.
			}
			this.file = null;
		}

	}

}
