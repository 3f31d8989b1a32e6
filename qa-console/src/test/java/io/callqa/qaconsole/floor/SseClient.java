package io.callqa.qaconsole.floor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * A Server-Sent Events client on the JDK's HttpClient, as a wallboard would read {@code /api/floor/stream}: each
 * event is queued with the moment its last line arrived (or handed to a consumer, for the benchmark).
 */
final class SseClient implements AutoCloseable {

	record Event(String name, String data, long receivedNanos) {
	}

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private final HttpResponse<Stream<String>> response;

	private final CompletableFuture<Void> reader;

	private SseClient(HttpResponse<Stream<String>> response, @Nullable Consumer<Event> consumer) {
		this.response = response;
		Consumer<Event> sink = (consumer != null) ? consumer : this.events::add;
		this.reader = CompletableFuture.runAsync(() -> read(response.body(), sink), (r) -> {
			Thread thread = new Thread(r, "sse-client");
			thread.setDaemon(true);
			thread.start();
		});
	}

	static SseClient connect(HttpClient http, int port, String user, String password) {
		return connect(http, port, user, password, null);
	}

	static SseClient connect(HttpClient http, int port, String user, String password,
			@Nullable Consumer<Event> consumer) {
		HttpResponse<Stream<String>> response = open(http, port, user, password);
		if (response.statusCode() != 200) {
			String body = String.join("\n", response.body().toList());
			throw new IllegalStateException("The stream answered " + response.statusCode() + ": " + body);
		}
		return new SseClient(response, consumer);
	}

	static HttpResponse<Stream<String>> open(HttpClient http, int port, String user, String password) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/floor/stream"))
			.header("Accept", "text/event-stream")
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
			.GET()
			.build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofLines());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	HttpResponse<Stream<String>> response() {
		return this.response;
	}

	private static void read(Stream<String> lines, Consumer<Event> sink) {
		String[] name = { null };
		StringBuilder data = new StringBuilder();
		try {
			lines.forEach((line) -> {
				if (line.isEmpty()) {
					if (name[0] != null || data.length() > 0) {
						sink.accept(new Event((name[0] != null) ? name[0] : "message", data.toString(),
								System.nanoTime()));
					}
					name[0] = null;
					data.setLength(0);
				}
				else if (line.startsWith("event: ")) {
					name[0] = line.substring(7);
				}
				else if (line.startsWith("data: ")) {
					if (data.length() > 0) {
						data.append('\n');
					}
					data.append(line, 6, line.length());
				}
			});
		}
		catch (RuntimeException ex) {
			// The stream was closed.
		}
	}

	/** The next event with this name that satisfies the test; earlier ones are dropped. */
	Event next(String name, Predicate<String> data, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			long left = deadline - System.nanoTime();
			Event event = this.events.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
			if (event == null) {
				throw new AssertionError("No '" + name + "' event within " + timeout);
			}
			if (event.name().equals(name) && data.test(event.data())) {
				return event;
			}
		}
	}

	Event next(String name, Duration timeout) throws InterruptedException {
		return next(name, (data) -> true, timeout);
	}

	@Override
	public void close() {
		this.response.body().close();
		this.reader.cancel(true);
	}

}
