package io.callqa.telephony.recordings;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.callqa.telephony.AudioSpan;

/**
 * Overwrites seconds of a WAV file on every channel, keeping its format, in place and atomically: the new content is
 * written to a private temporary file in the same directory, forced to disk and renamed over the original, so a
 * crash leaves either the old file or the new one, never half of each. The values written depend only on the frame's
 * position in the file, so redacting the same spans again writes the same bytes.
 */
final class WavRedactor {

	/** The tone: 1 kHz (under the Nyquist frequency of every accepted rate, 4 kHz and up) at -12 dBFS. */
	static final double TONE_HZ = 1000;

	static final int TONE_AMPLITUDE = 8192;

	private static final int BUFFER_FRAMES = 8192;

	private WavRedactor() {
	}

	/**
	 * Overwrites {@code spans} (rounded outwards to whole frames, clipped to the audio) with {@code fill}.
	 * @return the seconds overwritten
	 * @throws IOException if the file is not a WAV this can rewrite (it is then left as it was)
	 */
	static double redact(Path file, List<AudioSpan> spans, AudioFill fill) throws IOException {
		WavLayout layout;
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			layout = WavLayout.read(channel);
		}
		List<long[]> ranges = frameRanges(spans, layout);
		if (ranges.isEmpty()) {
			return 0;
		}
		return overwrite(file, layout, ranges, fill) / (double) layout.sampleRate();
	}

	private static long overwrite(Path file, WavLayout layout, List<long[]> ranges, AudioFill fill)
			throws IOException {
		Path dir = file.toAbsolutePath().getParent();
		Path temp = PrivateFiles.createTempFile(dir, ".redacting-", ".tmp");
		try {
			long frames = 0;
			try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
					FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
				copy(in, out);
				for (long[] range : ranges) {
					frames += overwrite(out, layout, range[0], range[1], fill);
				}
				out.force(true);
			}
			move(temp, file);
			forceDirectory(dir);
			return frames;
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	/** The spans as sorted, merged frame ranges [start, end) within the audio. */
	static List<long[]> frameRanges(List<AudioSpan> spans, WavLayout layout) {
		List<long[]> ranges = new ArrayList<>();
		spans.stream().sorted(Comparator.comparingDouble(AudioSpan::startSec)).forEach((span) -> {
			long start = Math.min((long) Math.floor(span.startSec() * layout.sampleRate()), layout.frames());
			long end = Math.min((long) Math.ceil(span.endSec() * layout.sampleRate()), layout.frames());
			if (end <= start) {
				return;
			}
			long[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
			if (last != null && start <= last[1]) {
				last[1] = Math.max(last[1], end);
			}
			else {
				ranges.add(new long[] { start, end });
			}
		});
		return ranges;
	}

	private static long overwrite(FileChannel out, WavLayout layout, long start, long end, AudioFill fill)
			throws IOException {
		int frameBytes = layout.frameBytes();
		int sampleBytes = layout.encoding().bytes();
		byte[] buffer = new byte[BUFFER_FRAMES * frameBytes];
		for (long frame = start; frame < end; frame += BUFFER_FRAMES) {
			int count = (int) Math.min(BUFFER_FRAMES, end - frame);
			for (int i = 0; i < count; i++) {
				int sample = fill.sample(frame + i, layout.sampleRate());
				for (int c = 0; c < layout.channels(); c++) {
					layout.encoding().write(sample, buffer, i * frameBytes + c * sampleBytes);
				}
			}
			ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, count * frameBytes);
			long position = layout.dataOffset() + frame * frameBytes;
			while (bytes.hasRemaining()) {
				position += out.write(bytes, position);
			}
		}
		return end - start;
	}

	private static void copy(FileChannel in, FileChannel out) throws IOException {
		long size = in.size();
		for (long position = 0; position < size;) {
			long copied = out.transferFrom(in, position, size - position);
			if (copied <= 0) {
				throw new IOException("the recording changed size while it was being redacted");
			}
			position += copied;
		}
	}

	private static void move(Path temp, Path file) throws IOException {
		try {
			Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			throw new IOException("cannot replace " + file.getFileName() + " atomically", ex);
		}
	}

	/** The rename itself is durable only once the directory is (POSIX; not possible everywhere, e.g. Windows). */
	private static void forceDirectory(Path dir) {
		try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// The file's content is on disk; the rename is as durable as the platform makes it.
		}
	}

	/**
	 * What overwrites the audio.
	 */
	enum AudioFill {

		/** A steady 1 kHz tone: a listener hears that something was taken out, not a dropped line. */
		TONE,

		/** Digital silence. */
		SILENCE;

		/** The value at a frame: it depends only on the frame's position, so a second pass writes the same bytes. */
		int sample(long frame, int rate) {
			if (this == SILENCE) {
				return 0;
			}
			double phase = ((frame * (long) TONE_HZ) % rate) / (double) rate;
			return (int) Math.round(TONE_AMPLITUDE * Math.sin(2 * Math.PI * phase));
		}

	}

}
