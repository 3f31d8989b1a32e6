package io.callqa.telephony;

import java.util.List;

/**
 * Answer and callback speed per queue, agent, day or hour, and the callers' satisfaction.
 */
public interface CallCenterMetrics {

	/** Queue call metrics per group, ordered by key (null last); empty when no call is in the range. */
	List<CallStats> calls(MetricsQuery query);

	/** Callback metrics per group, ordered by key (null last), with the abandoned callers of the same range. */
	List<CallbackStats> callbacks(MetricsQuery query);

	/** Survey answers of calls in the range (by the time they were given) and the Net Promoter Score. */
	Satisfaction satisfaction(MetricsQuery query);

}
