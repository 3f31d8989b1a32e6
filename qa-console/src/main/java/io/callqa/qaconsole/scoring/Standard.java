package io.callqa.qaconsole.scoring;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A named service standard with its current version number and the queues it is assigned to.
 */
record Standard(long id, String name, @Nullable String description, Instant createdAt, int currentVersion,
		List<String> queues) {

}
