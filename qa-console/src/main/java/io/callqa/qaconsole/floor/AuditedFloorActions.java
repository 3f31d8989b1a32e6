package io.callqa.qaconsole.floor;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

import io.callqa.qaconsole.floor.Attempt.Kind;
import io.callqa.qaconsole.users.FloorRights;
import io.callqa.qaconsole.users.PauseReasons;
import io.callqa.qaconsole.users.Role;
import io.callqa.telephony.AgentFloor;
import io.callqa.telephony.FloorActionException;
import io.callqa.telephony.FloorActions;
import io.callqa.telephony.LiveFloor;
import io.callqa.telephony.SpyMode;

/**
 * The live floor's actions with who may do them and the audit. Admins act anywhere; supervisors on their queues
 * (pausing an agent in all their queues needs all those queues; listening in needs the queue of the agent's call);
 * agents pause and unpause themselves; nobody else acts. Every attempt is written to {@code floor_action} with its
 * outcome, refused and failed ones too, before the answer.
 */
@Service
class AuditedFloorActions {

	/** What Asterisk can take as a member or queue name: no control character (an AMI line break), no comma. */
	private static final Pattern NAME = Pattern.compile("[^\\p{Cntrl},]{1,128}");

	private final ObjectProvider<FloorActions> actions;

	private final ObjectProvider<LiveFloor> floor;

	private final FloorActionLog log;

	private final PauseReasons reasons;

	private final Duration timeout;

	AuditedFloorActions(ObjectProvider<FloorActions> actions, ObjectProvider<LiveFloor> floor, FloorActionLog log,
			PauseReasons reasons, @Value("${callqa.floor.action-timeout:10s}") Duration timeout) {
		this.actions = actions;
		this.floor = floor;
		this.log = log;
		this.reasons = reasons;
		this.timeout = timeout;
	}

	FloorAction pause(FloorRights who, String agent, @Nullable String queue, @Nullable String reason) {
		Attempt attempt = attempt(who, Kind.PAUSE, agent, queue, reason);
		mayActOnAgent(who, attempt);
		checkReason(attempt, reason, false);
		attempt = onQueues(who, attempt);
		Attempt done = attempt;
		return run(attempt, () -> actions(done).pause(agent, queue, reason));
	}

	FloorAction unpause(FloorRights who, String agent, @Nullable String queue) {
		Attempt attempt = attempt(who, Kind.UNPAUSE, agent, queue, null);
		mayActOnAgent(who, attempt);
		attempt = onQueues(who, attempt);
		Attempt done = attempt;
		return run(attempt, () -> actions(done).unpause(agent, queue));
	}

	/** An agent pauses themselves in all their queues, with one of the reasons (which they must give). */
	FloorAction pauseSelf(FloorRights who, @Nullable String reason) {
		Attempt attempt = selfAttempt(who, Kind.PAUSE, reason);
		checkReason(attempt, reason, true);
		Attempt done = attempt;
		return run(attempt, () -> actions(done).pause(done.agent(), null, reason));
	}

	FloorAction unpauseSelf(FloorRights who) {
		Attempt attempt = selfAttempt(who, Kind.UNPAUSE, null);
		return run(attempt, () -> actions(attempt).unpause(attempt.agent(), null));
	}

	FloorAction addMember(FloorRights who, String queue, String agent) {
		Attempt attempt = attempt(who, Kind.QUEUE_ADD, agent, queue, null);
		mayActOnAgent(who, attempt);
		return run(attempt, () -> actions(attempt).addMember(queue, agent));
	}

	FloorAction removeMember(FloorRights who, String queue, String agent) {
		Attempt attempt = attempt(who, Kind.QUEUE_REMOVE, agent, queue, null);
		mayActOnAgent(who, attempt);
		return run(attempt, () -> actions(attempt).removeMember(queue, agent));
	}

	/**
	 * Rings the user's phone into ChanSpy on the agent's call; only on a call of the user's queues (a call that came
	 * through no queue: only those who act on every queue).
	 */
	FloorAction spy(FloorRights who, String agent, @Nullable SpyMode mode) {
		if (mode == null) {
			// A malformed request, not an action: not audited (like a body that is not JSON).
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"'mode' must be one of LISTEN, WHISPER, BARGE");
			problem.setTitle("Invalid mode");
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
		}
		Attempt attempt = attempt(who, Kind.valueOf(mode.name()), agent, null, null).ringing(who.phone());
		if (!who.supervises()) {
			throw forbidden(attempt, "Your role may not listen in on calls");
		}
		AgentFloor.CurrentCall call = agentNow(attempt).map(AgentFloor::call).orElse(null);
		if (call == null) {
			throw refuse(attempt, HttpStatus.CONFLICT, "No live call", FloorActionException.Reason.NO_LIVE_CALL.name(),
					"'" + agent + "' is not on a call");
		}
		attempt = attempt.concerning((call.queue() != null) ? List.of(call.queue()) : List.of());
		if (!who.actsOn(call.queue())) {
			throw forbidden(attempt, (call.queue() != null) ? "The call is in queue '" + call.queue()
					+ "', which is not one of yours" : "The call came through no queue: only for every queue's supervisors");
		}
		String phone = who.phone();
		if (phone == null) {
			throw refuse(attempt, HttpStatus.CONFLICT, "No phone", "NO_PHONE",
					"You have no phone to listen on: an admin sets it on the Users page (e.g. PJSIP/2001)");
		}
		Attempt done = attempt;
		return run(attempt, () -> actions(done).spy(who.username(), phone, agent, mode));
	}

	private Attempt attempt(FloorRights who, Kind kind, String agent, @Nullable String queue,
			@Nullable String reason) {
		Attempt attempt = new Attempt(who.username(), who.role().name(), kind, clipped(agent), clip(queue),
				(queue != null) ? List.of(clipped(queue)) : List.of(), clip(reason), null);
		if (!NAME.matcher(agent).matches() || agent.isBlank()) {
			throw refuse(attempt, HttpStatus.BAD_REQUEST, "Invalid agent", "INVALID",
					"The agent must be a queue member's name (1 to 128 characters, no commas or control characters)");
		}
		if (queue != null && (!NAME.matcher(queue).matches() || queue.isBlank() || queue.length() > 100)) {
			throw refuse(attempt, HttpStatus.BAD_REQUEST, "Invalid queue", "INVALID",
					"The queue must be a queue's name (1 to 100 characters, no commas or control characters)");
		}
		return attempt;
	}

	private Attempt selfAttempt(FloorRights who, Kind kind, @Nullable String reason) {
		String agent = who.agent();
		Attempt attempt = new Attempt(who.username(), who.role().name(), kind,
				(agent != null) ? agent : who.username(), null, List.of(), clip(reason), null);
		if (who.role() != Role.AGENT || agent == null) {
			throw forbidden(attempt, "Only agents pause themselves; supervisors pause an agent with "
					+ "/api/floor/agents/{agent}/pause");
		}
		return attempt.concerning(agentNow(attempt).map(AgentFloor::queues).orElse(List.of()));
	}

	/** Managers, agents (on anyone through these endpoints) and wallboards act on nobody. */
	private void mayActOnAgent(FloorRights who, Attempt attempt) {
		if (!who.supervises()) {
			throw forbidden(attempt, "Your role may not act on agents");
		}
		if (attempt.queue() != null && !who.actsOn(attempt.queue())) {
			throw forbidden(attempt, "'" + attempt.queue() + "' is not one of your queues");
		}
	}

	/**
	 * Without a queue, the action concerns every queue of the agent: a supervisor must have them all (else names one).
	 */
	private Attempt onQueues(FloorRights who, Attempt attempt) {
		if (attempt.queue() != null) {
			return attempt;
		}
		Optional<AgentFloor> agent = agentNow(attempt);
		Attempt concerning = attempt.concerning(agent.map(AgentFloor::queues).orElse(List.of()));
		if (who.everyQueue()) {
			return concerning;
		}
		if (agent.isEmpty() || agent.get().queues().isEmpty()) {
			throw refuse(concerning, HttpStatus.NOT_FOUND, "Unknown agent",
					FloorActionException.Reason.UNKNOWN_AGENT.name(), "'" + attempt.agent() + "' is in no queue");
		}
		if (!who.actsOnAll(concerning.queues())) {
			throw forbidden(concerning, "'" + attempt.agent() + "' is also in queues that are not yours: name a queue");
		}
		return concerning;
	}

	private void checkReason(Attempt attempt, @Nullable String reason, boolean required) {
		if ((reason == null && required) || (reason != null && !this.reasons.contains(reason))) {
			throw refuse(attempt, HttpStatus.BAD_REQUEST, "Invalid reason", "INVALID",
					"'reason' must be one of " + this.reasons.list());
		}
	}

	private Optional<AgentFloor> agentNow(Attempt attempt) {
		LiveFloor live = this.floor.getIfAvailable();
		if (live == null) {
			throw unavailable(attempt);
		}
		return live.agent(attempt.agent());
	}

	private FloorActions actions(Attempt attempt) {
		FloorActions available = this.actions.getIfAvailable();
		if (available == null) {
			throw unavailable(attempt);
		}
		return available;
	}

	/** Waits for Asterisk's answer (the state itself changes when its event arrives), then audits the outcome. */
	private FloorAction run(Attempt attempt, Supplier<CompletableFuture<?>> action) {
		try {
			action.get().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			return this.log.write(attempt, "DONE", null);
		}
		catch (FloorActionException ex) {
			throw failed(attempt, ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof FloorActionException failure) {
				throw failed(attempt, failure);
			}
			throw refuse(attempt, HttpStatus.SERVICE_UNAVAILABLE, "Asterisk failed",
					FloorActionException.Reason.REFUSED.name(), String.valueOf(ex.getCause()));
		}
		catch (TimeoutException ex) {
			throw refuse(attempt, HttpStatus.SERVICE_UNAVAILABLE, "No answer from Asterisk", "TIMEOUT",
					"Asterisk did not answer within " + this.timeout.toSeconds() + " s");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw refuse(attempt, HttpStatus.SERVICE_UNAVAILABLE, "Interrupted", "TIMEOUT", "The server is stopping");
		}
	}

	private FloorActionRefused failed(Attempt attempt, FloorActionException ex) {
		HttpStatus status = switch (ex.reason()) {
			case UNKNOWN_AGENT -> HttpStatus.NOT_FOUND;
			case NOT_A_MEMBER, ALREADY_A_MEMBER, NO_LIVE_CALL, NO_INTERFACE -> HttpStatus.CONFLICT;
			case NOT_CONNECTED, REFUSED -> HttpStatus.SERVICE_UNAVAILABLE;
		};
		String title = switch (ex.reason()) {
			case UNKNOWN_AGENT -> "Unknown agent";
			case NOT_A_MEMBER -> "Not a member";
			case ALREADY_A_MEMBER -> "Already a member";
			case NO_LIVE_CALL -> "No live call";
			case NO_INTERFACE -> "No interface";
			case NOT_CONNECTED -> "Asterisk not connected";
			case REFUSED -> "Refused by Asterisk";
		};
		return refuse(attempt, status, title, ex.reason().name(), String.valueOf(ex.getMessage()));
	}

	private FloorActionRefused unavailable(Attempt attempt) {
		return refuse(attempt, HttpStatus.SERVICE_UNAVAILABLE, "Live floor unavailable", "UNAVAILABLE",
				"The live floor does not run on this server");
	}

	private FloorActionRefused forbidden(Attempt attempt, String detail) {
		return refuse(attempt, HttpStatus.FORBIDDEN, "Forbidden", "FORBIDDEN", detail);
	}

	private FloorActionRefused refuse(Attempt attempt, HttpStatus status, String title, String outcome,
			String detail) {
		FloorAction row = this.log.write(attempt, outcome, detail);
		return new FloorActionRefused(status, title, outcome, detail, row.id());
	}

	/** Whatever was asked is audited, but not a megabyte of it. */
	private static @Nullable String clip(@Nullable String text) {
		return (text == null) ? null : clipped(text);
	}

	private static String clipped(String text) {
		return (text.length() <= 200) ? text : text.substring(0, 200);
	}

}
