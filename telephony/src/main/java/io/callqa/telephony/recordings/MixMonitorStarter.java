package io.callqa.telephony.recordings;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import io.callqa.telephony.ami.AmiActions;
import io.callqa.telephony.ami.AmiEventHandler;
import io.callqa.telephony.ami.AsteriskEvent;
import io.callqa.telephony.ami.AsteriskEvent.CallerJoinedQueue;
import io.callqa.telephony.ami.AsteriskEvent.HungUp;

/**
 * For dialplans that do not record: starts MixMonitor on a caller's channel when it joins a queue, with the same
 * naming convention the collector looks for. The action is sent asynchronously, never waited for here.
 */
@Component
class MixMonitorStarter implements AmiEventHandler {

	private static final Logger logger = LoggerFactory.getLogger(MixMonitorStarter.class);

	private final AsteriskRecordingProperties properties;

	private final AmiActions actions;

	private final Set<String> started = ConcurrentHashMap.newKeySet();

	MixMonitorStarter(AsteriskRecordingProperties properties, AmiActions actions) {
		this.properties = properties;
		this.actions = actions;
	}

	@Override
	public void onEvent(String server, AsteriskEvent event) {
		if (this.properties.startMixMonitor() && event instanceof CallerJoinedQueue join
				&& join.uniqueid() != null && this.started.add(server + "/" + join.uniqueid())) {
			start(server, join);
		}
		else if (event instanceof HungUp hangup) {
			this.started.remove(server + "/" + hangup.uniqueid());
		}
	}

	private void start(String server, CallerJoinedQueue join) {
		String dir = this.properties.mixMonitorDirOrDefault();
		String base = dir + "/" + join.queue() + "-" + join.uniqueid();
		String options = this.properties.perParty()
				? "r(" + base + "-customer.wav)t(" + base + "-agent.wav)" : "";
		this.actions.mixMonitor(server, join.channel(), base + ".wav", options)
			.whenComplete((ok, failure) -> {
				if (failure != null) {
					logger.warn("MixMonitor on {} ({}) failed: {}", join.channel(), join.uniqueid(),
							failure.getMessage());
				}
			});
	}

}
