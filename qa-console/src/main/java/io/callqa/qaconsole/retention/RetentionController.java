package io.callqa.qaconsole.retention;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.callqa.qaconsole.users.CallQaUser;
import io.callqa.qaconsole.users.Role;

/** The retention API: policies, runs, and a run on demand. Admins only: a policy decides what gets deleted. */
@RestController
class RetentionController {

	private static final int MAX_RUNS = 100;

	private final RetentionPolicies policies;

	private final RetentionJob job;

	private final RunRepository runs;

	RetentionController(RetentionPolicies policies, RetentionJob job, RunRepository runs) {
		this.policies = policies;
		this.job = job;
		this.runs = runs;
	}

	@GetMapping("/api/retention/policies")
	RetentionPolicies.Overview policies(@AuthenticationPrincipal CallQaUser user) {
		requireAdmin(user);
		return this.policies.overview();
	}

	@PutMapping("/api/retention/policies")
	RetentionPolicy save(@RequestBody PolicyChange body, @AuthenticationPrincipal CallQaUser user) {
		requireAdmin(user);
		return this.policies.save(body.queue(), body.audioDays(), body.transcriptDays(), body.metadataDays(),
				user.getUsername());
	}

	@DeleteMapping("/api/retention/policies")
	ResponseEntity<Void> remove(@RequestParam(required = false) @Nullable String queue,
			@AuthenticationPrincipal CallQaUser user) {
		requireAdmin(user);
		this.policies.remove(queue, user.getUsername());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/retention/runs")
	List<RetentionRun> runs(@RequestParam(defaultValue = "20") int limit, @AuthenticationPrincipal CallQaUser user) {
		requireAdmin(user);
		if (limit < 1 || limit > MAX_RUNS) {
			throw new IllegalArgumentException("'limit' must be 1 to " + MAX_RUNS);
		}
		return this.runs.recent(limit);
	}

	@GetMapping("/api/retention/runs/{id}")
	RetentionRun run(@PathVariable long id, @AuthenticationPrincipal CallQaUser user) {
		requireAdmin(user);
		return this.runs.find(id).orElseThrow(() -> new RunNotFoundException(id));
	}

	/** Starts a run now, in the background: {@code 202} with the run, {@code 409} while one is going on. */
	@PostMapping("/api/retention/runs")
	ResponseEntity<RetentionRun> start(@AuthenticationPrincipal CallQaUser user) {
		requireAdmin(user);
		long id = this.job.start("API", user.getUsername(), null).orElseThrow(RunInProgressException::new);
		return ResponseEntity.accepted()
			.location(URI.create("/api/retention/runs/" + id))
			.body(this.runs.find(id).orElseThrow());
	}

	private static void requireAdmin(CallQaUser user) {
		if (user.role() != Role.ADMIN) {
			throw new AccessDeniedException("Retention is for admins");
		}
	}

	record PolicyChange(@Nullable String queue, @Nullable Integer audioDays, @Nullable Integer transcriptDays,
			@Nullable Integer metadataDays) {
	}

}
