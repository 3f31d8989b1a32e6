/**
 * Mystery-shopper (test) calls: a list of the shoppers' caller numbers and marking by API decide which calls are test
 * calls (a row in {@code mystery_shopper_call}); they are scored with a standard of their own (a setting, through
 * autoscore's {@link io.callqa.qaconsole.autoscore.ScorecardOverride}), reported apart, and every "how the agent does"
 * average leaves them out.
 */
@NullMarked
package io.callqa.qaconsole.mystery;

import org.jspecify.annotations.NullMarked;
