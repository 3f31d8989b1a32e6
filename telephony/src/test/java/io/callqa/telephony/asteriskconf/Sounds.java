package io.callqa.telephony.asteriskconf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import static org.assertj.core.api.Assertions.assertThat;

/** The sounds Asterisk can play with the repository's configuration: core sounds and the shipped callqa prompts. */
public final class Sounds {

	/**
	 * Sounds of Asterisk's core English sound package (core-sounds-en.txt, asterisk-core-sounds 1.6) that the
	 * configuration or the scripts play; anything else must be a callqa prompt shipped in {@code sounds/callqa/}.
	 * Not core: {@code option-is-invalid} (extra sounds); the core "please try again later" is {@code pls-try-call-later}.
	 */
	public static final Set<String> CORE_SOUNDS = Set.of("all-circuits-busy-now", "pls-try-call-later", "goodbye",
			"minutes", "beep");

	private Sounds() {
	}

	/** A sound name as Asterisk plays it: a core sound, or {@code callqa/x} shipped as sounds/callqa/x.wav. */
	public static void assertPlayable(String sound) throws IOException, UnsupportedAudioFileException {
		if (!sound.startsWith("callqa/")) {
			assertThat(CORE_SOUNDS).as("%s is not in Asterisk's core sounds: record it as callqa/...", sound)
				.contains(sound);
			return;
		}
		Path wav = ConfFile.directory().resolve("sounds").resolve(sound + ".wav");
		assertThat(wav).as("prompt %s must be shipped (sounds/make-prompts.sh)", sound).isRegularFile();
		AudioFormat format = AudioSystem.getAudioFileFormat(wav.toFile()).getFormat();
		assertThat(format.getSampleRate()).as("%s: 8 kHz", wav).isEqualTo(8000f);
		assertThat(format.getChannels()).as("%s: mono", wav).isEqualTo(1);
		assertThat(format.getSampleSizeInBits()).as("%s: 16-bit", wav).isEqualTo(16);
		assertThat(AudioSystem.getAudioFileFormat(wav.toFile()).getFrameLength()).as("%s: not empty", wav)
			.isGreaterThan(4000);
	}

}
