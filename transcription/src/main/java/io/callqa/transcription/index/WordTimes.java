package io.callqa.transcription.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

import io.callqa.transcription.MatchTime;
import io.callqa.transcription.Word;

/**
 * Where each word of a call's combined text starts (char offset), when it was said and by whom, kept in a stored
 * binary field so that a highlighted match maps to the second of the recording where it was said.
 *
 * <p>Encoding: the speaker names, then per word the offset as a delta (a vint, one or two bytes) and the start and end
 * as the exact bits of the transcript's doubles (so a reported second equals the transcript's, not a rounding of it),
 * and the speaker's index. About 18 bytes a word before the stored-fields compression.
 */
final class WordTimes {

	private final List<String> speakers;

	private final int[] offsets;

	private final double[] starts;

	private final double[] ends;

	private final int[] speakerOf;

	private WordTimes(List<String> speakers, int count) {
		this.speakers = speakers;
		this.offsets = new int[count];
		this.starts = new double[count];
		this.ends = new double[count];
		this.speakerOf = new int[count];
	}

	static WordTimes decode(BytesRef bytes) throws IOException {
		ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
		WordTimes times = new WordTimes(readSpeakers(in), in.readVInt());
		int offset = 0;
		for (int i = 0; i < times.offsets.length; i++) {
			offset += in.readVInt();
			times.offsets[i] = offset;
			times.starts[i] = Double.longBitsToDouble(in.readLong());
			times.ends[i] = Double.longBitsToDouble(in.readLong());
			times.speakerOf[i] = in.readVInt();
		}
		return times;
	}

	private static List<String> readSpeakers(ByteArrayDataInput in) throws IOException {
		String[] speakers = new String[in.readVInt()];
		for (int i = 0; i < speakers.length; i++) {
			speakers[i] = in.readString();
		}
		return List.of(speakers);
	}

	/**
	 * The match of the combined text's chars {@code [from, to)}, in a snippet starting at {@code snippetStart}, in the
	 * form named {@code form}.
	 */
	MatchTime matchTime(String words, int snippetStart, int from, int to, String form) {
		int first = wordAt(from);
		int last = wordAt(to - 1);
		return new MatchTime(words, from - snippetStart, to - snippetStart, speakerAt(from), this.starts[first],
				this.ends[last], form);
	}

	/** Who said the word at this char offset of the combined text. */
	String speakerAt(int offset) {
		return this.speakers.get(this.speakerOf[wordAt(offset)]);
	}

	/** The index of the word at this char offset: the last word starting at or before it. */
	private int wordAt(int offset) {
		int found = Arrays.binarySearch(this.offsets, offset);
		return Math.max(0, (found >= 0) ? found : -found - 2);
	}

	/**
	 * Collects the words of a combined text as it is written out.
	 */
	static final class Builder {

		private final List<String> speakers = new ArrayList<>();

		private final ByteBuffersDataOutput words = new ByteBuffersDataOutput();

		private int count;

		private int lastOffset;

		void add(int offset, Word word, String speaker) throws IOException {
			this.words.writeVInt(offset - this.lastOffset);
			this.words.writeLong(Double.doubleToLongBits(word.start()));
			this.words.writeLong(Double.doubleToLongBits(word.end()));
			this.words.writeVInt(speakerIndex(speaker));
			this.lastOffset = offset;
			this.count++;
		}

		private int speakerIndex(String speaker) {
			if (!this.speakers.contains(speaker)) {
				this.speakers.add(speaker);
			}
			return this.speakers.indexOf(speaker);
		}

		BytesRef encode() throws IOException {
			ByteBuffersDataOutput out = new ByteBuffersDataOutput();
			out.writeVInt(this.speakers.size());
			for (String speaker : this.speakers) {
				out.writeString(speaker);
			}
			out.writeVInt(this.count);
			this.words.copyTo(out);
			return new BytesRef(out.toArrayCopy());
		}

	}

}
