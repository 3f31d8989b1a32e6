package io.callqa.transcription.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Reads a RIFF/WAVE header from a stream up to the first sample, skipping chunks it does not need.
 */
final class WavParser {

	private static final int MAX_FORMAT_BYTES = 1024;

	private static final long UNFINISHED_SIZE = 0xFFFFFFFFL;

	private final InputStream in;

	private final long length;

	private long position;

	private WavParser(InputStream in, long length) {
		this.in = in;
		this.length = length;
	}

	/**
	 * Reads the header, leaving the stream at the first sample.
	 * @param in the stream, at the start of the file
	 * @param length the file's length in bytes, or -1 if unknown
	 */
	static WavHeader parse(InputStream in, long length) throws IOException {
		return new WavParser(in, length).parse();
	}

	private WavHeader parse() throws IOException {
		readRiffHeader();
		FormatChunk format = null;
		String id = nextChunkId(format);
		while (!id.equals("data")) {
			format = id.equals("fmt ") ? readFormat() : skipChunk(format);
			id = nextChunkId(format);
		}
		if (format == null) {
			throw new AudioFormatException("the WAV header is damaged: the audio data comes before its format");
		}
		return header(format, chunkSize(format));
	}

	private void readRiffHeader() throws IOException {
		byte[] head = new byte[12];
		int read = this.in.readNBytes(head, 0, head.length);
		this.position = read;
		if (read == 0) {
			throw new AudioFormatException("the file is empty");
		}
		if (!FileSignature.startsWith(head, 0, "RIFF")) {
			throw FileSignature.notRiff(head, read);
		}
		if (read < head.length) {
			throw truncated();
		}
		checkWave(head);
	}

	private static void checkWave(byte[] head) throws AudioFormatException {
		if (!FileSignature.startsWith(head, 8, "WAVE")) {
			String kind = new String(head, 8, 4, StandardCharsets.US_ASCII).replaceAll("[^ -~]", "?");
			throw new AudioFormatException("not a WAV file: a RIFF file of type '" + kind + "', not WAVE: "
					+ FileSignature.SUPPORTED);
		}
	}

	/** The next chunk's id; its size is read by whoever handles the chunk. */
	private String nextChunkId(@Nullable FormatChunk format) throws IOException {
		byte[] id = read(4, format);
		return new String(id, StandardCharsets.US_ASCII);
	}

	private long chunkSize(@Nullable FormatChunk format) throws IOException {
		return LittleEndian.u32(read(4, format), 0);
	}

	private FormatChunk readFormat() throws IOException {
		long size = chunkSize(null);
		if (size < 16 || size > MAX_FORMAT_BYTES) {
			throw new AudioFormatException("the WAV header is damaged: its format chunk has " + size + " bytes");
		}
		FormatChunk format = FormatChunk.parse(read((int) size, null));
		skip(size & 1, format);
		return format;
	}

	/** Skips a chunk we do not need (LIST, fact, cue...), with the pad byte that follows an odd-sized one. */
	private @Nullable FormatChunk skipChunk(@Nullable FormatChunk format) throws IOException {
		long size = chunkSize(format);
		skip(size + (size & 1), format);
		return format;
	}

	private WavHeader header(FormatChunk format, long declared) throws AudioFormatException {
		int frameBytes = format.frameBytes();
		long bytes = dataBytes(declared);
		long frames = (bytes == WavHeader.TO_END) ? -1 : bytes / frameBytes;
		long claimed = unfinished(declared) ? WavHeader.TO_END : declared;
		return new WavHeader(format.info(frames), frameBytes, bytes, claimed);
	}

	/** A recorder still writing (or one that crashed) leaves the size 0 or 0xFFFFFFFF: read to the end then. */
	private long dataBytes(long declared) {
		if (unfinished(declared)) {
			return WavHeader.TO_END;
		}
		return (this.length < 0) ? declared : Math.min(declared, this.length - this.position);
	}

	private static boolean unfinished(long declared) {
		return declared == 0 || declared == UNFINISHED_SIZE;
	}

	private byte[] read(int count, @Nullable FormatChunk format) throws IOException {
		byte[] bytes = this.in.readNBytes(count);
		this.position += bytes.length;
		if (bytes.length < count) {
			throw endOfFile(format);
		}
		return bytes;
	}

	private void skip(long count, @Nullable FormatChunk format) throws IOException {
		long skipped = 0;
		while (skipped < count && this.in.read() >= 0) {
			skipped += 1 + this.in.skip(count - skipped - 1);
		}
		this.position += skipped;
		if (skipped < count) {
			throw endOfFile(format);
		}
	}

	/** Without a format the file ended inside its header; with one, it never got to the samples. */
	private static AudioFormatException endOfFile(@Nullable FormatChunk format) {
		if (format == null) {
			return truncated();
		}
		return new AudioFormatException("the WAV file has no data chunk: it holds no audio");
	}

	private static AudioFormatException truncated() {
		return new AudioFormatException("the WAV header is truncated: the file ends before its audio starts");
	}

}
