package io.callqa.qaconsole;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small real-HTTP client for the integration tests: JSON in and out, and multipart uploads, as a user with HTTP
 * basic credentials (the test profile's admin unless told otherwise) or anonymously.
 */
public final class Http {

	/** The first admin's password in the test profile ({@code callqa.security.admin-password}). */
	public static final String ADMIN_PASSWORD = "admin-test-pw";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newHttpClient();

	private final String base;

	private final @Nullable String authorization;

	public Http(int port) {
		this(port, "admin", ADMIN_PASSWORD);
	}

	public Http(int port, String user, String password) {
		this(port, "Basic " + Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	private Http(int port, @Nullable String authorization) {
		this.base = "http://localhost:" + port;
		this.authorization = authorization;
	}

	/** A client that sends no credentials. */
	public static Http anonymous(int port) {
		return new Http(port, (String) null);
	}

	public HttpResponse<String> post(String path, String jsonBody, String... headers) {
		return send(path, "POST", jsonBody, headers);
	}

	public HttpResponse<String> put(String path, String jsonBody, String... headers) {
		return send(path, "PUT", jsonBody, headers);
	}

	private HttpResponse<String> send(String path, String method, String jsonBody, String... headers) {
		HttpRequest.Builder request = builder(path).header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder builder(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path));
		if (this.authorization != null) {
			request.header("Authorization", this.authorization);
		}
		return request;
	}

	public HttpResponse<String> delete(String path) {
		return send(builder(path).DELETE().build(), HttpResponse.BodyHandlers.ofString());
	}

	public HttpResponse<String> get(String path, String... headers) {
		HttpRequest.Builder request = builder(path).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	public HttpResponse<byte[]> getBytes(String path, String... headers) {
		HttpRequest.Builder request = builder(path).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** Posts a multipart form with one file part named {@code file} and the given text fields. */
	public HttpResponse<String> upload(String path, Path file, Map<String, String> fields) {
		return upload(path, file, fields, file.getFileName().toString());
	}

	/** Posts a multipart form as above, the file part carrying the given file name. */
	public HttpResponse<String> upload(String path, Path file, Map<String, String> fields, String fileName) {
		String boundary = "----callqa" + UUID.randomUUID();
		List<byte[]> parts = new ArrayList<>();
		fields.forEach((name, value) -> parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
				+ "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
		parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		parts.add(read(file));
		parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = builder(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArrays(parts))
			.build();
		return send(request, HttpResponse.BodyHandlers.ofString());
	}

	public static JsonNode json(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

	private static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
		try {
			return this.client.send(request, handler);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
