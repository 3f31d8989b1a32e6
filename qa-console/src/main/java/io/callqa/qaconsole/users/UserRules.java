package io.callqa.qaconsole.users;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;

/**
 * What a user name and a password may be. Names: 1-64 letters, digits and {@code . _ - @} (unique regardless of
 * case, see the repository). Passwords: 10 characters to 72 bytes (all that bcrypt reads: a longer one would be
 * refused by the encoder), not only spaces, not one of the common passwords shipped in
 * {@code security/common-passwords.txt}, not the user name.
 */
final class UserRules {

	static final int MIN_PASSWORD = 10;

	/** In UTF-8 bytes: bcrypt's limit (72 characters of ASCII, fewer of other scripts). */
	static final int MAX_PASSWORD = 72;

	static final int MAX_NAME = 64;

	/** Display and agent names: free text, but not a megabyte of it. */
	static final int MAX_TEXT = 128;

	static final int MAX_QUEUES = 500;

	private static final Pattern PHONE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,19}/[A-Za-z0-9._@+:/-]{1,100}");

	private static final Pattern QUEUE = Pattern.compile("[^\\p{Cntrl},]{1,100}");

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1," + MAX_NAME + "}");

	private static final Set<String> COMMON = load("security/common-passwords.txt");

	private UserRules() {
	}

	static void checkUsername(@Nullable String username) {
		if (username == null || !NAME.matcher(username).matches()) {
			throw new InvalidUserException("username", "The username must be 1 to " + MAX_NAME
					+ " characters of letters, digits, '.', '_', '-' and '@'");
		}
	}

	static void checkPassword(@Nullable String password, @Nullable String username) {
		if (password == null || password.length() < MIN_PASSWORD
				|| password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD) {
			throw new InvalidUserException("password", "The password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD
					+ " characters long (" + MAX_PASSWORD + " bytes: letters outside ASCII count 2 to 4)");
		}
		if (password.isBlank()) {
			throw new InvalidUserException("password", "The password must not be only spaces");
		}
		if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
			throw new InvalidUserException("password",
					"The password is one of the most common passwords, which are tried first: choose another");
		}
		if (username != null && password.equalsIgnoreCase(username)) {
			throw new InvalidUserException("password", "The password must not be the username");
		}
	}

	static void checkText(String field, @Nullable String value) {
		if (value != null && value.length() > MAX_TEXT) {
			throw new InvalidUserException(field, "The " + field + " must be at most " + MAX_TEXT + " characters");
		}
	}

	/**
	 * A device Asterisk can originate to: technology, a slash, a resource ({@code PJSIP/2001}, {@code SIP/2001},
	 * {@code Local/2001@supervisors}); nothing that could end an AMI header line or separate application arguments.
	 */
	static void checkPhone(String phone) {
		if (!PHONE.matcher(phone).matches()) {
			throw new InvalidUserException("phone", "The phone must be an Asterisk device such as PJSIP/2001: a "
					+ "technology, '/', then letters, digits and . _ @ + : - / (at most " + MAX_TEXT + " characters)");
		}
	}

	/** Queue names as Asterisk has them (no commas, no control characters), deduplicated and sorted. */
	static List<String> checkQueues(List<String> queues) {
		if (queues.size() > MAX_QUEUES) {
			throw new InvalidUserException("queues", "At most " + MAX_QUEUES + " queues (use * for every queue)");
		}
		Set<String> checked = new TreeSet<>();
		for (String queue : queues) {
			if (queue == null || !QUEUE.matcher(queue).matches() || queue.isBlank() || !queue.strip().equals(queue)) {
				throw new InvalidUserException("queues", "A queue must be a queue's name (1 to 100 characters, no "
						+ "commas, control characters or surrounding spaces) or * for every queue");
			}
			checked.add(queue);
		}
		return List.copyOf(checked);
	}

	private static Set<String> load(String resource) {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			return lines.lines()
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.map((line) -> line.toLowerCase(Locale.ROOT))
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
	}

}
