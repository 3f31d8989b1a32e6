package io.callqa.simulator;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An action a client sent, as the simulator read it, so tests can check what reached "Asterisk" (e.g. a QueuePause
 * with its Reason). Header names are lowercase, as Asterisk matches them case-insensitively; the Secret of a Login
 * and the Key of a challenge login are left out.
 *
 * @param name the action's name as sent, e.g. {@code QueuePause}
 */
public record ReceivedAction(String name, Map<String, String> headers) {

	public ReceivedAction {
		headers = Map.copyOf(headers);
	}

	/** The header {@code key} (any case), or null. */
	public @Nullable String header(String key) {
		return this.headers.get(key.toLowerCase(Locale.ROOT));
	}

	/** Whether this is the action {@code name} (any case). */
	public boolean is(String name) {
		return this.name.equalsIgnoreCase(name);
	}

}
