package io.callqa.transcription.speech;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link BundledModel}: the model copied out of a jar, as {@code java -jar} finds it.
 */
class BundledModelTests {

	@TempDir
	Path temp;

	@Test
	void bundledWhenInAJarShouldCopyEveryListedFileOnce() throws IOException {
		ClassLoader jar = jar(Map.of("uuid", "abc\n", "files.txt", "uuid\nam/final.mdl\n", "am/final.mdl", "weights"));
		Path model = SpeechModel.bundled(this.temp.resolve("cache"), jar);
		assertThat(model).isEqualTo(this.temp.resolve("cache/en-us-abc"));
		assertThat(Files.readString(model.resolve("am/final.mdl"))).isEqualTo("weights");
		Files.writeString(model.resolve("am/final.mdl"), "already there");
		assertThat(Files.readString(SpeechModel.bundled(this.temp.resolve("cache"), jar).resolve("am/final.mdl")))
			.isEqualTo("already there");
	}

	/** Another server starting on the same empty cache finishes its copy while this one is halfway through. */
	@Test
	void bundledWhenAnotherProcessCopiesAtTheSameTimeShouldUseTheFinishedModel() throws IOException {
		Path cache = this.temp.resolve("cache");
		ClassLoader jar = jar(Map.of("uuid", "abc", "files.txt", "am/final.mdl\nconf/model.conf\n", "am/final.mdl",
				"weights", "conf/model.conf", "settings"));
		AtomicBoolean raced = new AtomicBoolean();
		ClassLoader racing = new ClassLoader(null) {
			@Override
			public URL getResource(String name) {
				return jar.getResource(name);
			}

			@Override
			public InputStream getResourceAsStream(String name) {
				if (name.endsWith("conf/model.conf") && raced.compareAndSet(false, true)) {
					assertThatNoException().isThrownBy(() -> SpeechModel.bundled(cache, jar));
				}
				return jar.getResourceAsStream(name);
			}
		};
		Path model = SpeechModel.bundled(cache, racing);
		assertThat(raced).isTrue();
		assertThat(Files.readString(model.resolve("conf/model.conf"))).isEqualTo("settings");
		try (Stream<Path> left = Files.list(cache)) {
			assertThat(left).containsExactly(cache.resolve("en-us-abc"));
		}
	}

	@Test
	void bundledWhenAListedFileIsMissingShouldSaySoAndLeaveNoModelBehind() throws IOException {
		ClassLoader jar = jar(Map.of("uuid", "abc", "files.txt", "am/final.mdl\n"));
		assertThatIOException().isThrownBy(() -> SpeechModel.bundled(this.temp.resolve("cache"), jar))
			.withMessageContaining("vosk-model/en-us/am/final.mdl is missing");
		assertThat(this.temp.resolve("cache/en-us-abc")).doesNotExist();
	}

	@Test
	void bundledWhenNoModelOnTheClasspathShouldSayHowToGetOne() {
		ClassLoader empty = new URLClassLoader(new URL[0], null);
		assertThatIOException().isThrownBy(() -> SpeechModel.bundled(this.temp, empty))
			.withMessageContaining("callqa.transcription.vosk.model-path");
	}

	private ClassLoader jar(Map<String, String> files) throws IOException {
		Path jar = this.temp.resolve("model.jar");
		try (OutputStream out = Files.newOutputStream(jar); JarOutputStream entries = new JarOutputStream(out)) {
			for (Map.Entry<String, String> file : files.entrySet()) {
				entries.putNextEntry(new JarEntry(SpeechModel.BUNDLED + file.getKey()));
				entries.write(file.getValue().getBytes(StandardCharsets.UTF_8));
			}
		}
		return new URLClassLoader(new URL[] { jar.toUri().toURL() }, null);
	}

}
