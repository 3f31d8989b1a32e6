package io.callqa.qaconsole.telephony;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.callqa.qaconsole.users.CallQaUser;
import io.callqa.telephony.CallbackAttempt;
import io.callqa.telephony.CallbackRequest;
import io.callqa.telephony.CallbackRequests;
import io.callqa.telephony.CallbackState;
import io.callqa.telephony.ScheduledCallback;

/**
 * Callback requests: listed, scheduled by an agent ("call Mrs Smith back Tuesday at 10, only me"), cancelled. An
 * agent sees and cancels only their own requests and the unassigned ones of the queues they take (another agent's is
 * a 404); supervisors, managers and admins see all. Who asked is always the login.
 */
@RestController
class CallbackController {

	private final CallbackRequests callbacks;

	CallbackController(CallbackRequests callbacks) {
		this.callbacks = callbacks;
	}

	@GetMapping("/api/callbacks")
	List<CallbackRequest> list(@RequestParam(required = false) @Nullable String queue,
			@RequestParam(required = false) @Nullable CallbackState state,
			@RequestParam(defaultValue = "100") int limit, @AuthenticationPrincipal CallQaUser user) {
		String agent = user.agentScope();
		return (agent != null) ? this.callbacks.listFor(agent, queue, state, limit)
				: this.callbacks.list(queue, state, limit);
	}

	@GetMapping("/api/callbacks/{id}")
	CallbackDetails find(@PathVariable long id, @AuthenticationPrincipal CallQaUser user) {
		return new CallbackDetails(readable(id, user), this.callbacks.attempts(id));
	}

	@PostMapping("/api/callbacks")
	ResponseEntity<CallbackRequest> schedule(@RequestBody Schedule body, @AuthenticationPrincipal CallQaUser user) {
		String agent = user.agentScope();
		if (body.agent() != null && !body.agent().equals(agent)) {
			throw new IllegalArgumentException("'agent' is who asks for the callback, which is your login ("
					+ ((agent != null) ? "agent '" + agent + "'" : "'" + user.getUsername() + "'")
					+ "): leave it out");
		}
		if (body.onlyMe() && agent == null) {
			throw new IllegalArgumentException(
					"'onlyMe' keeps a callback for the agent who asks, and you answer no queue calls: leave it false");
		}
		CallbackRequest request = this.callbacks.schedule(new ScheduledCallback(body.queue(), body.number(),
				body.name(), body.at(), (agent != null) ? agent : user.getUsername(), body.onlyMe(), body.note()));
		return ResponseEntity.created(URI.create("/api/callbacks/" + request.id())).body(request);
	}

	@PostMapping("/api/callbacks/{id}/cancel")
	CallbackRequest cancel(@PathVariable long id, @AuthenticationPrincipal CallQaUser user) {
		readable(id, user);
		return this.callbacks.cancel(id);
	}

	private CallbackRequest readable(long id, CallQaUser user) {
		String agent = user.agentScope();
		return (agent != null) ? this.callbacks.findFor(agent, id) : this.callbacks.find(id);
	}

	/** {@code agent} is optional and, if given, must be the caller's own agent name; who asks is the login. */
	record Schedule(String queue, String number, @Nullable String name, Instant at, @Nullable String agent,
			boolean onlyMe, @Nullable String note) {
	}

	record CallbackDetails(CallbackRequest request, List<CallbackAttempt> attempts) {
	}

}
