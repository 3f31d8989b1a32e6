package io.callqa.qaconsole.retention;

/** The retention tests' one Spring context (and database): the daily schedule is started by the tests, not the clock. */
final class RetentionTestSetup {

	static final String PROPERTIES = "callqa.retention.schedule.enabled=false";

	private RetentionTestSetup() {
	}

}
