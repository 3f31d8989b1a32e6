package io.callqa.qaconsole.floor;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An action someone asked for, as the audit records it whatever becomes of it.
 */
record Attempt(String username, String role, Kind action, String agent, @Nullable String queue, List<String> queues,
		@Nullable String reason, @Nullable String phone) {

	Attempt {
		queues = List.copyOf(queues);
	}

	Attempt concerning(List<String> queues) {
		return new Attempt(this.username, this.role, this.action, this.agent, this.queue, queues, this.reason,
				this.phone);
	}

	Attempt ringing(@Nullable String phone) {
		return new Attempt(this.username, this.role, this.action, this.agent, this.queue, this.queues, this.reason,
				phone);
	}

	enum Kind {

		PAUSE, UNPAUSE, QUEUE_ADD, QUEUE_REMOVE, LISTEN, WHISPER, BARGE

	}

}
