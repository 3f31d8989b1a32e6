/**
 * Supervisor alerts: what a supervisor must look at (a low survey score, an overdue callback), raised by other
 * features through {@link io.callqa.telephony.SupervisorAlerts} and acknowledged by a supervisor.
 */
@NullMarked
package io.callqa.telephony.alerts;

import org.jspecify.annotations.NullMarked;
