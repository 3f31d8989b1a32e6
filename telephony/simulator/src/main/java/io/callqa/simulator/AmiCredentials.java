package io.callqa.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one manager account ({@code manager.conf} user and secret) the simulator accepts.
 */
record AmiCredentials(String username, String secret) {

	/** Whether a plaintext {@code Secret:} login matches. */
	boolean acceptsSecret(String user, String candidate) {
		return this.username.equals(user) && this.secret.equals(candidate);
	}

	/** Whether an MD5 {@code Key:} login matches, the key being md5(challenge + secret) in lowercase hex. */
	boolean acceptsKey(String user, String challenge, String key) {
		return this.username.equals(user) && md5Hex(challenge + this.secret).equalsIgnoreCase(key);
	}

	static String md5Hex(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM ships MD5", ex);
		}
	}

}
