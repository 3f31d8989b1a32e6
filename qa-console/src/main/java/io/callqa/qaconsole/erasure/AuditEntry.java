package io.callqa.qaconsole.erasure;

import java.time.Instant;
import java.util.List;

/** One erasure as the audit keeps it: who, when, why, how many of each kind, the calls kept; never the number. */
record AuditEntry(long id, Instant erasedAt, String erasedBy, String reason, Holdings.Counts erased,
		List<Long> keptHeld, List<Long> keptInProgress) {
}
