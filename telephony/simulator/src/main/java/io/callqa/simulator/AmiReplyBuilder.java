package io.callqa.simulator;

import org.jspecify.annotations.Nullable;

/**
 * Builds one response block: the {@code Response:} line first, the client's {@code ActionID} echoed second.
 */
final class AmiReplyBuilder {

	private final StringBuilder text = new StringBuilder();

	private final @Nullable String actionId;

	AmiReplyBuilder(@Nullable String actionId) {
		this.actionId = actionId;
	}

	AmiReplyBuilder success() {
		return response("Success");
	}

	AmiReplyBuilder response(String response) {
		line("Response", response);
		if (this.actionId != null) {
			line("ActionID", this.actionId);
		}
		return this;
	}

	String error(String message) {
		return response("Error").line("Message", message).end();
	}

	AmiReplyBuilder line(String key, String value) {
		this.text.append(key).append(": ").append(value).append("\r\n");
		return this;
	}

	String end() {
		return this.text.append("\r\n").toString();
	}

}
