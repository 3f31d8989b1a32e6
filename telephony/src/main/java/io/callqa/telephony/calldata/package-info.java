/**
 * What telephony keeps of calls, found by age or by a customer's number, and deleted or anonymised (retention,
 * erasure on request): the {@code CallData} front door.
 */
@NullMarked
package io.callqa.telephony.calldata;

import org.jspecify.annotations.NullMarked;
