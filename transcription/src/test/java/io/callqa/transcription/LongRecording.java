package io.callqa.transcription;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * A longer recording made at test time by playing a PCM fixture several times in a row (the repository keeps only
 * short fixtures).
 */
public final class LongRecording {

	private LongRecording() {
	}

	public static Path repeat(Path fixture, int times, Path target) throws IOException {
		try {
			List<InputStream> parts = new ArrayList<>();
			AudioInputStream first = AudioSystem.getAudioInputStream(fixture.toFile());
			long frames = first.getFrameLength();
			parts.add(first);
			for (int i = 1; i < times; i++) {
				parts.add(AudioSystem.getAudioInputStream(fixture.toFile()));
			}
			try (AudioInputStream all = new AudioInputStream(new SequenceInputStream(Collections.enumeration(parts)),
					first.getFormat(), frames * times)) {
				AudioSystem.write(all, AudioFileFormat.Type.WAVE, target.toFile());
			}
			return target;
		}
		catch (UnsupportedAudioFileException ex) {
			throw new IOException(ex);
		}
	}

}
