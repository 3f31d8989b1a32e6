package io.callqa.qaconsole.promises;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.callqa.qaconsole.calls.CallAccess;
import io.callqa.qaconsole.users.CallQaUser;
import io.callqa.qaconsole.users.Role;

/**
 * Promises over REST: a call's, a list, the counts per agent or queue, and the queues' settings. An agent reads
 * only the promises of their own calls; supervisors and admins change the settings.
 */
@RestController
class PromiseController {

	private final PromiseService promises;

	private final CallAccess access;

	PromiseController(PromiseService promises, CallAccess access) {
		this.promises = promises;
		this.access = access;
	}

	@GetMapping("/api/calls/{id}/promises")
	List<Promise> ofCall(@PathVariable long id, @AuthenticationPrincipal CallQaUser user) {
		this.access.readable(id, user);
		return this.promises.ofCall(id);
	}

	@GetMapping("/api/promises")
	List<Promise> list(@RequestParam(required = false) @Nullable String agent,
			@RequestParam(required = false) @Nullable String queue,
			@RequestParam(required = false) @Nullable PromiseState state,
			@RequestParam(required = false) @Nullable PromiseKind kind,
			@RequestParam(required = false) @Nullable Instant from, @RequestParam(required = false) @Nullable Instant to,
			@RequestParam(defaultValue = "200") int limit, @AuthenticationPrincipal CallQaUser user) {
		String scope = user.agentScope();
		return this.promises.list(new PromiseFilter((scope != null) ? scope : agent, queue, state, kind, from, to,
				limit));
	}

	/** Per agent (or queue, {@code groupBy=QUEUE}): made, kept on time, late, broken; an agent gets their own row. */
	@GetMapping("/api/promises/stats")
	List<PromiseStats> stats(@RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to, @RequestParam(defaultValue = "AGENT") GroupBy groupBy,
			@AuthenticationPrincipal CallQaUser user) {
		String scope = user.agentScope();
		if (scope != null) {
			return this.promises.stats(false, scope, from, to);
		}
		return this.promises.stats(groupBy == GroupBy.QUEUE, null, from, to);
	}

	@GetMapping("/api/promises/settings")
	Map<String, Object> settings(@AuthenticationPrincipal CallQaUser user) {
		staff(user);
		QueuePromiseSetting defaults = this.promises.setting(null);
		return Map.of("defaultZone", defaults.zone(), "queues", this.promises.settings());
	}

	@PutMapping("/api/promises/settings/{queue}")
	QueuePromiseSetting saveSetting(@PathVariable String queue, @RequestBody SettingChange change,
			@AuthenticationPrincipal CallQaUser user) {
		if (user.role() != Role.SUPERVISOR && user.role() != Role.ADMIN) {
			throw new AccessDeniedException("Only supervisors and admins change the promise settings");
		}
		return this.promises.saveSetting(queue, change.zone(), Boolean.TRUE.equals(change.createCallback()),
				user.getUsername());
	}

	private static void staff(CallQaUser user) {
		if (user.role() == Role.AGENT) {
			throw new AccessDeniedException("Promise settings are for supervisors, managers and admins");
		}
	}

	enum GroupBy {

		AGENT, QUEUE

	}

	record SettingChange(@Nullable String zone, @Nullable Boolean createCallback) {
	}

}
