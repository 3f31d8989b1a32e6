package io.callqa.qaconsole.floor;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PUT /api/floor/queues/{queue}/thresholds}: every level, as {@link QueueThresholds} names them.
 */
record ThresholdsChange(@Nullable LevelChange waiting, @Nullable LevelChange longestWaitSec,
		@Nullable LevelChange serviceLevelPct, @Nullable LevelChange abandonedPct,
		@Nullable LevelChange callbacksOverdue) {

	record LevelChange(@Nullable Double yellow, @Nullable Double red) {
	}

	static final int MAX_QUEUE_LENGTH = 100;

	/** Checks every level; the thresholds to store, or an {@link InvalidThresholdsException} naming the field. */
	QueueThresholds validated(String queue) {
		if (queue.isBlank() || queue.length() > MAX_QUEUE_LENGTH || queue.indexOf('\0') >= 0) {
			throw new InvalidThresholdsException("queue", "A queue name is 1 to 100 characters");
		}
		Level waiting = count("waiting", this.waiting, 100_000, false);
		Level longestWait = count("longestWaitSec", this.longestWaitSec, 86_400, false);
		Level serviceLevel = percent("serviceLevelPct", this.serviceLevelPct, true);
		Level abandoned = percent("abandonedPct", this.abandonedPct, false);
		Level overdue = count("callbacksOverdue", this.callbacksOverdue, 100_000, false);
		return new QueueThresholds(queue, waiting, longestWait, serviceLevel, abandoned, overdue, null, null);
	}

	private static Level count(String field, @Nullable LevelChange change, int max, boolean lowerIsWorse) {
		Level level = level(field, change, max, lowerIsWorse);
		if (level.yellow() != Math.rint(level.yellow()) || level.red() != Math.rint(level.red())) {
			throw new InvalidThresholdsException(field, "'" + field + "' levels are whole numbers");
		}
		return level;
	}

	private static Level percent(String field, @Nullable LevelChange change, boolean lowerIsWorse) {
		Level level = level(field, change, 100, lowerIsWorse);
		// Two decimals are stored: say so rather than round silently.
		if (Math.rint(level.yellow() * 100) != level.yellow() * 100 || Math.rint(level.red() * 100) != level.red() * 100) {
			throw new InvalidThresholdsException(field, "'" + field + "' levels have at most two decimals");
		}
		return level;
	}

	private static Level level(String field, @Nullable LevelChange change, int max, boolean lowerIsWorse) {
		if (change == null || change.yellow() == null || change.red() == null) {
			throw new InvalidThresholdsException(field, "'" + field + "' needs a yellow and a red level");
		}
		double yellow = change.yellow();
		double red = change.red();
		if (!Double.isFinite(yellow) || !Double.isFinite(red) || yellow < 0 || red < 0 || yellow > max || red > max) {
			throw new InvalidThresholdsException(field, "'" + field + "' levels are between 0 and " + max);
		}
		if (lowerIsWorse ? red > yellow : red < yellow) {
			throw new InvalidThresholdsException(field, lowerIsWorse
					? "'" + field + "' is worse when lower: its red level must not be above its yellow level"
					: "'" + field + "' is worse when higher: its red level must not be below its yellow level");
		}
		return new Level(yellow, red);
	}

}
