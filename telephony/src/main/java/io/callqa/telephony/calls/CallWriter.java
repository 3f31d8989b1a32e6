package io.callqa.telephony.calls;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.callqa.telephony.CallEnded;
import io.callqa.telephony.CallFinished;

/**
 * Writes what changed in followed calls since the last flush in one transaction, then announces the calls that
 * ended ({@link CallEnded}) once it committed. Calls that end are also announced inside the transaction
 * ({@link CallFinished}), for listeners whose writes must commit with the call.
 */
@Component
class CallWriter {

	private static final Logger logger = LoggerFactory.getLogger(CallWriter.class);

	private final LiveCallRepository calls;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	/** One flush at a time: new rows get their ids only once their insert committed. */
	private final Object flushing = new Object();

	CallWriter(LiveCallRepository calls, TransactionTemplate transaction, ApplicationEventPublisher events) {
		this.calls = calls;
		this.transaction = transaction;
		this.events = events;
	}

	List<LiveCall> loadActive() {
		return this.calls.loadActive();
	}

	Optional<Long> findByUniqueid(@Nullable String server, String uniqueid) {
		return this.calls.findByUniqueid(server, uniqueid);
	}

	/**
	 * @param drain takes what changed (under the tracker's lock)
	 * @param written receives the ids of new rows and the calls found already stored, after the commit
	 * @param requeue gets the batch back when writing failed, to try again on the next flush
	 */
	void flush(Supplier<List<Pending>> drain, Written written, Consumer<List<Pending>> requeue) {
		synchronized (this.flushing) {
			List<Pending> batch = drain.get();
			if (batch.isEmpty()) {
				return;
			}
			Result result;
			try {
				result = this.transaction.execute((status) -> write(batch));
			}
			catch (RuntimeException ex) {
				logger.warn("Could not store {} changed call(s); retrying on the next flush", batch.size(), ex);
				requeue.accept(batch);
				return;
			}
			written.accept(batch, result.ids(), result.shadows());
			announce(batch, result);
		}
	}

	private Result write(List<Pending> batch) {
		Result result = new Result(new HashMap<>(), new HashSet<>());
		insertNew(batch, result);
		Map<Long, CallRow> updates = new LinkedHashMap<>();
		List<Object[]> legs = new ArrayList<>();
		List<Object[]> transfers = new ArrayList<>();
		List<Long> finished = new ArrayList<>();
		for (Pending pending : batch) {
			Long id = (pending.id() != null) ? pending.id() : result.ids().get(pending.call());
			if (id == null || result.shadows().contains(pending.call())) {
				continue;
			}
			if (pending.id() != null) {
				updates.put(id, pending.row());
			}
			if (pending.publishEnd()) {
				finished.add(id);
			}
			pending.legs().forEach((uniqueid, channel) -> legs.add(new Object[] { pending.row().server(), uniqueid,
					id, channel }));
			pending.transfers().forEach((transfer) -> transfers.add(new Object[] { id, transfer.kind(),
					transfer.fromAgent(), transfer.toTarget(), CallRow.ts(transfer.at()) }));
		}
		this.calls.update(updates);
		this.calls.insertLegs(legs);
		this.calls.insertTransfers(transfers);
		finished.forEach((id) -> this.events.publishEvent(new CallFinished(id)));
		return result;
	}

	private void insertNew(List<Pending> batch, Result result) {
		List<Pending> fresh = batch.stream().filter((pending) -> pending.id() == null).toList();
		if (fresh.isEmpty()) {
			return;
		}
		List<Long> ids = this.calls.nextIds(fresh.size());
		boolean[] inserted = this.calls.insert(ids, fresh.stream().map(Pending::row).toList());
		for (int i = 0; i < fresh.size(); i++) {
			LiveCall call = fresh.get(i).call();
			if (inserted[i]) {
				result.ids().put(call, ids.get(i));
			}
			else {
				// Its Linkedid is already stored: a replay of a call that has left memory. Never overwrite it.
				result.shadows().add(call);
				this.calls.findIdByLinkedid(call.server(), call.linkedid()).ifPresent((id) -> result.ids().put(call, id));
			}
		}
	}

	private void announce(List<Pending> batch, Result result) {
		for (Pending pending : batch) {
			LiveCall call = pending.call();
			Long id = (pending.id() != null) ? pending.id() : result.ids().get(call);
			if (result.shadows().contains(call)) {
				logger.warn("Call {} (server {}, linkedid {}) is already stored; ignoring its repeated events", id,
						call.server(), call.linkedid());
				continue;
			}
			pending.anomalies().forEach((anomaly) -> logger.warn("Call {} (server {}, linkedid {}): {}", id,
					call.server(), call.linkedid(), anomaly));
			if (pending.publishEnd() && id != null) {
				this.events.publishEvent(pending.row().ended(id, pending.uniqueids()));
			}
		}
	}

	/** What one changed call contributes to a flush, copied under the tracker's lock. */
	record Pending(LiveCall call, @Nullable Long id, CallRow row, Map<String, String> legs,
			List<LiveCall.Transfer> transfers, List<String> anomalies, boolean publishEnd, List<String> uniqueids) {

		static Pending of(LiveCall call) {
			CallRow row = call.row();
			return new Pending(call, call.id(), row, call.takeUnsavedLegs(), call.takeUnsavedTransfers(),
					call.takeUnloggedAnomalies(), row.endedAt() != null && !call.endPublished(),
					List.copyOf(call.legIds()));
		}

	}

	interface Written {

		void accept(List<Pending> batch, Map<LiveCall, Long> ids, Set<LiveCall> shadows);

	}

	private record Result(Map<LiveCall, Long> ids, Set<LiveCall> shadows) {
	}

}
