package io.callqa.qaconsole.retention;

/** The queue has no retention policy of its own. */
class PolicyNotFoundException extends RuntimeException {

	PolicyNotFoundException(String queue) {
		super("Queue '" + queue + "' has no retention policy of its own (it follows the default)");
	}

}
