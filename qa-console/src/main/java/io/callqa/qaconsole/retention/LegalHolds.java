package io.callqa.qaconsole.retention;

import java.util.Collection;
import java.util.Set;

/**
 * Legal holds: a call, or every call of a customer number, that nothing may delete (retention or erasure) while the
 * hold lasts.
 */
public interface LegalHolds {

	/** Of these calls, the ones under a hold, on the call itself or on its customer's number. */
	Set<Long> held(Collection<Long> callIds);

}
