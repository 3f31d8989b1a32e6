package io.callqa.qaconsole.floor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.callqa.qaconsole.users.CallQaUser;
import io.callqa.qaconsole.users.FloorRights;
import io.callqa.qaconsole.users.Role;
import io.callqa.qaconsole.users.Users;
import io.callqa.telephony.AgentFloor;
import io.callqa.telephony.AgentState;
import io.callqa.telephony.LiveFloor;
import io.callqa.telephony.SpyMode;

/**
 * Supervisors' actions on the live floor (pause, unpause, log into or out of a queue, listen, whisper, barge), agents'
 * pause on themselves, and the audit of them all. Who may do what: {@link AuditedFloorActions}. Each answer is the
 * audit row ({@code outcome} DONE); a refusal is problem+json with the audit's {@code reason} and {@code actionId}.
 */
@RestController
class FloorActionController {

	private static final int MAX_ACTIONS = 1000;

	private final AuditedFloorActions actions;

	private final FloorActionLog log;

	private final Users users;

	private final ObjectProvider<LiveFloor> floor;

	FloorActionController(AuditedFloorActions actions, FloorActionLog log, Users users,
			ObjectProvider<LiveFloor> floor) {
		this.actions = actions;
		this.log = log;
		this.users = users;
		this.floor = floor;
	}

	@PostMapping("/api/floor/agents/{agent}/pause")
	FloorAction pause(@AuthenticationPrincipal CallQaUser user, @PathVariable String agent,
			@RequestBody(required = false) @Nullable Pause body) {
		return this.actions.pause(rights(user), agent, (body != null) ? body.queue() : null,
				(body != null) ? body.reason() : null);
	}

	@PostMapping("/api/floor/agents/{agent}/unpause")
	FloorAction unpause(@AuthenticationPrincipal CallQaUser user, @PathVariable String agent,
			@RequestBody(required = false) @Nullable Unpause body) {
		return this.actions.unpause(rights(user), agent, (body != null) ? body.queue() : null);
	}

	@PostMapping("/api/floor/agents/{agent}/spy")
	FloorAction spy(@AuthenticationPrincipal CallQaUser user, @PathVariable String agent,
			@RequestBody(required = false) @Nullable SpyRequest body) {
		return this.actions.spy(rights(user), agent, (body != null) ? body.mode() : null);
	}

	@PostMapping("/api/floor/queues/{queue}/members")
	FloorAction addMember(@AuthenticationPrincipal CallQaUser user, @PathVariable String queue,
			@RequestBody(required = false) @Nullable Member body) {
		if (body == null || body.agent() == null) {
			throw badRequest("Invalid agent", "'agent' is required: the queue member name to log in");
		}
		return this.actions.addMember(rights(user), queue, body.agent());
	}

	@DeleteMapping("/api/floor/queues/{queue}/members/{agent}")
	FloorAction removeMember(@AuthenticationPrincipal CallQaUser user, @PathVariable String queue,
			@PathVariable String agent) {
		return this.actions.removeMember(rights(user), queue, agent);
	}

	@PostMapping("/api/me/pause")
	FloorAction pauseMyself(@AuthenticationPrincipal CallQaUser user,
			@RequestBody(required = false) @Nullable Pause body) {
		return this.actions.pauseSelf(rights(user), (body != null) ? body.reason() : null);
	}

	@PostMapping("/api/me/unpause")
	FloorAction unpauseMyself(@AuthenticationPrincipal CallQaUser user) {
		return this.actions.unpauseSelf(rights(user));
	}

	/** An agent's own state on the floor (LOGGED_OUT when in no queue); agents read nothing else of the floor. */
	@GetMapping("/api/me/floor")
	AgentFloor myState(@AuthenticationPrincipal CallQaUser user) {
		String agent = user.agentScope();
		if (user.role() != Role.AGENT || agent == null) {
			throw new ErrorResponseException(HttpStatus.FORBIDDEN,
					problem(HttpStatus.FORBIDDEN, "Forbidden", "Only agents have a state of their own"), null);
		}
		LiveFloor live = this.floor.getIfAvailable();
		AgentFloor none = new AgentFloor(agent, AgentState.LOGGED_OUT, Instant.now(), null, List.of(), null, 0, 0);
		return (live != null) ? live.agent(agent).orElse(none) : none;
	}

	/**
	 * The audit, newest first: admins every action, supervisors those that concerned their queues and their own.
	 * Default: the last
	 * 24 hours; at most 1,000 rows.
	 */
	@GetMapping("/api/floor/actions")
	List<FloorAction> audit(@AuthenticationPrincipal CallQaUser user, @RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to, @RequestParam(required = false) @Nullable String agent,
			@RequestParam(defaultValue = "200") int limit) {
		Instant end = (to != null) ? to : Instant.now().plusSeconds(1);
		Instant start = (from != null) ? from : end.minus(Duration.ofDays(1));
		if (!start.isBefore(end)) {
			throw badRequest("Bad request", "'from' must be before 'to'");
		}
		if (limit < 1 || limit > MAX_ACTIONS) {
			throw badRequest("Bad request", "'limit' must be 1 to " + MAX_ACTIONS);
		}
		FloorRights rights = rights(user);
		return this.log.find(start, end, agent, rights.everyQueue() ? null : rights.queues(), rights.username(),
				limit);
	}

	private FloorRights rights(CallQaUser user) {
		return this.users.floorRights(user);
	}

	private static ErrorResponseException badRequest(String title, String detail) {
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem(HttpStatus.BAD_REQUEST, title, detail), null);
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

	record Pause(@Nullable String reason, @Nullable String queue) {
	}

	record Unpause(@Nullable String queue) {
	}

	record SpyRequest(@Nullable SpyMode mode) {
	}

	record Member(@Nullable String agent) {
	}

}
