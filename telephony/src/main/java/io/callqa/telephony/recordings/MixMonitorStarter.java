package io.callqa.telephony.recordings;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import io.callqa.telephony.ami.AmiActions;
import io.callqa.telephony.ami.AmiEventHandler;

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
	public void onEvent(String server, ManagerEvent event, Instant receivedAt) {
		if (this.properties.startMixMonitor() && event instanceof QueueCallerJoinEvent join
				&& join.getUniqueId() != null && this.started.add(server + "/" + join.getUniqueId())) {
			start(server, join);
		}
		else if (event instanceof HangupEvent hangup) {
			this.started.remove(server + "/" + hangup.getUniqueId());
		}
	}

	private void start(String server, QueueCallerJoinEvent join) {
		String dir = this.properties.mixMonitorDirOrDefault();
		String base = dir + "/" + join.getQueue() + "-" + join.getUniqueId();
		String options = this.properties.perParty()
				? "r(" + base + "-customer.wav)t(" + base + "-agent.wav)" : "";
		this.actions.mixMonitor(server, join.getChannel(), base + ".wav", options)
			.whenComplete((ok, failure) -> {
				if (failure != null) {
					logger.warn("MixMonitor on {} ({}) failed: {}", join.getChannel(), join.getUniqueId(),
							failure.getMessage());
				}
			});
	}

}
