package io.callqa.qaconsole.floor;

/**
 * The user's role may not read the floor, or change this queue's thresholds.
 */
class FloorAccessDeniedException extends RuntimeException {

	FloorAccessDeniedException(String message) {
		super(message);
	}

}
