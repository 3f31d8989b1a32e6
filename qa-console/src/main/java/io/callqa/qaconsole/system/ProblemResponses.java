package io.callqa.qaconsole.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Writes {@code application/problem+json} where Spring MVC does not (security filters, the body limit, Tomcat's own
 * errors): the same fields as the controllers' answers.
 */
final class ProblemResponses {

	private ProblemResponses() {
	}

	static void write(HttpServletResponse response, HttpStatus status, String title, @Nullable String detail,
			@Nullable String instance) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		response.setStatus(status.value());
		// JSON is UTF-8 by definition: no charset parameter, like the controllers' problem answers.
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(json(status.value(), title, detail, instance).getBytes(StandardCharsets.UTF_8));
		response.flushBuffer();
	}

	static String json(int status, String title, @Nullable String detail, @Nullable String instance) {
		StringBuilder json = new StringBuilder("{\"type\":\"about:blank\",\"title\":").append(quote(title))
			.append(",\"status\":")
			.append(status);
		if (detail != null) {
			json.append(",\"detail\":").append(quote(detail));
		}
		if (instance != null) {
			json.append(",\"instance\":").append(quote(instance));
		}
		return json.append('}').toString();
	}

	private static String quote(String text) {
		StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				default -> {
					if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
						quoted.append(String.format("\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

}
