package io.callqa.qaconsole.retention;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/** The policies: validated, saved, listed with the queues that follow the default. */
@Service
class RetentionPolicies {

	private static final Logger log = LoggerFactory.getLogger(RetentionPolicies.class);

	static final int MAX_QUEUE = 100;

	private final PolicyRepository repository;

	private final RetentionTargets targets;

	RetentionPolicies(PolicyRepository repository, RetentionTargets targets) {
		this.repository = repository;
		this.targets = targets;
	}

	Overview overview() {
		List<RetentionPolicy> policies = this.repository.all();
		List<String> onDefault = this.targets.queues()
			.stream()
			.filter((queue) -> policies.stream().noneMatch((p) -> queue.equals(p.queue())))
			.sorted()
			.toList();
		return new Overview(policies, onDefault);
	}

	/** Saves the policy of a queue, or the default ({@code queue} null). */
	RetentionPolicy save(@Nullable String queue, @Nullable Integer audio, @Nullable Integer transcript,
			@Nullable Integer metadata, String by) {
		RetentionPolicy.validate(audio, transcript, metadata);
		if (queue == null) {
			this.repository.saveDefault(audio, transcript, metadata, by);
		}
		else {
			this.repository.saveQueue(queue(queue), audio, transcript, metadata, by);
		}
		log.info("Retention policy of {} set by {}: audio {}, transcript {}, call {} days",
				(queue != null) ? "queue '" + queue + "'" : "the default", by, audio, transcript, metadata);
		return this.repository.all()
			.stream()
			.filter((p) -> (queue == null) ? p.queue() == null : queue.equals(p.queue()))
			.findFirst()
			.orElseThrow();
	}

	/** The queue follows the default policy again. */
	void remove(@Nullable String queue, String by) {
		if (queue == null || queue.isBlank()) {
			throw new IllegalArgumentException("'queue' names the queue whose policy goes; the default policy stays");
		}
		if (!this.repository.deleteQueue(queue)) {
			throw new PolicyNotFoundException(queue);
		}
		log.info("Retention policy of queue '{}' removed by {}: the default applies", queue, by);
	}

	private static String queue(String queue) {
		if (queue.isBlank() || queue.length() > MAX_QUEUE || queue.indexOf('\0') >= 0) {
			throw new IllegalArgumentException("'queue' must be a queue name of 1 to 100 characters (null for the"
					+ " default policy)");
		}
		return queue;
	}

	/**
	 * The policies (the default first) and the queues calls were taken in that have no policy of their own.
	 */
	record Overview(List<RetentionPolicy> policies, List<String> queuesOnDefault) {
	}

}
