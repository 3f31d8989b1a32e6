package io.callqa.qaconsole.scoring;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.callqa.qaconsole.calls.CallAccess;
import io.callqa.qaconsole.users.CallQaUser;

/**
 * Standards and their scorecard versions, queue assignments, and the scorecard a call is scored with.
 */
@RestController
class StandardController {

	private final Standards standards;

	private final CallAccess access;

	StandardController(Standards standards, CallAccess access) {
		this.standards = standards;
		this.access = access;
	}

	@GetMapping("/api/standards")
	List<Standard> list() {
		return this.standards.list();
	}

	@GetMapping("/api/standards/{id}")
	StandardDetails find(@PathVariable long id) {
		return this.standards.find(id);
	}

	@PostMapping("/api/standards")
	ResponseEntity<StandardDetails> create(@Valid @RequestBody NewStandard body, Principal user) {
		StandardDetails created = this.standards.create(body.name(), body.description(), body.scorecard(),
				user.getName());
		return ResponseEntity.created(URI.create("/api/standards/" + created.standard().id())).body(created);
	}

	@PutMapping("/api/standards/{id}")
	ScorecardVersion edit(@PathVariable long id, @Valid @RequestBody Edit body, Principal user) {
		return this.standards.edit(id, body.scorecard(), body.description(), user.getName());
	}

	@PutMapping("/api/queues/{queue}/standard")
	Assignment assign(@PathVariable String queue, @RequestBody Assignment body) {
		this.standards.assign(queue, body.standardId());
		return new Assignment(queue, body.standardId());
	}

	@GetMapping("/api/calls/{id}/scorecard")
	ScorecardVersion scorecardOfCall(@PathVariable long id, @AuthenticationPrincipal CallQaUser user) {
		this.access.readable(id, user);
		return this.standards.forCall(id);
	}

	record NewStandard(@Size(max = 200) String name, @Size(max = 2_000) @Nullable String description,
			Scorecard scorecard) {
	}

	record Edit(Scorecard scorecard, @Size(max = 2_000) @Nullable String description) {
	}

	record Assignment(@Nullable String queue, long standardId) {
	}

}
