package io.callqa.qaconsole.scoring;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

import io.callqa.qaconsole.rules.RuleValidation;
import io.callqa.telephony.CallNotFoundException;
import io.callqa.telephony.CallSummary;

/**
 * Service standards as versioned scorecards: created, edited into new versions (old ones stay for the evaluations
 * that used them), assigned to queues, and resolved for a call.
 */
@Service
public class Standards {

	/** The name of the standard that scores every queue without an assignment. */
	public static final String DEFAULT_NAME = "DEFAULT";

	private final StandardRepository standards;

	private final CallRows calls;

	private final RuleValidation rules;

	Standards(StandardRepository standards, CallRows calls, RuleValidation rules) {
		this.standards = standards;
		this.calls = calls;
		this.rules = rules;
	}

	@Transactional(readOnly = true)
	public List<Standard> list() {
		return this.standards.findAll();
	}

	@Transactional(readOnly = true)
	public StandardDetails find(long id) {
		Standard standard = standard(id);
		List<ScorecardVersion> versions = this.standards.versions(id);
		return new StandardDetails(standard, versions.get(0), versions);
	}

	@Transactional(readOnly = true)
	public ScorecardVersion current(long standardId) {
		return find(standardId).current();
	}

	@Transactional(readOnly = true)
	public ScorecardVersion version(long versionId) {
		return this.standards.findVersion(versionId)
			.orElseThrow(() -> new StandardNotFoundException("No scorecard version with id " + versionId));
	}

	/** Creates a standard with its first scorecard version. */
	@Transactional
	public StandardDetails create(String name, @Nullable String description, Scorecard scorecard,
			@Nullable String createdBy) {
		Assert.hasText(name, "'name' must not be empty");
		scorecard.validated(this.rules);
		long id = this.standards.insertIfAbsent(name.strip(), description)
			.orElseThrow(() -> new DuplicateStandardException(name));
		this.standards.insertVersion(id, scorecard, createdBy);
		return find(id);
	}

	/** Edits a standard: the scorecard becomes its next version; earlier versions are kept unchanged. */
	@Transactional
	public ScorecardVersion edit(long standardId, Scorecard scorecard, @Nullable String description,
			@Nullable String editedBy) {
		scorecard.validated(this.rules);
		if (!this.standards.lock(standardId)) {
			throw new StandardNotFoundException("No standard with id " + standardId);
		}
		if (description != null) {
			this.standards.updateDescription(standardId, description);
		}
		return this.standards.insertVersion(standardId, scorecard, editedBy);
	}

	/** From now on, the queue's calls are scored with the standard's current version. */
	@Transactional
	public void assign(String queue, long standardId) {
		Assert.hasText(queue, "'queue' must not be empty");
		standard(standardId);
		this.standards.assign(queue, standardId);
	}

	/** The current scorecard for a queue: its assigned standard, else the default one. */
	@Transactional(readOnly = true)
	public ScorecardVersion forQueue(@Nullable String queue) {
		Long assigned = (queue != null) ? this.standards.assignedTo(queue).orElse(null) : null;
		return current((assigned != null) ? assigned : defaultStandard().id());
	}

	@Transactional(readOnly = true)
	public ScorecardVersion forCall(long callId) {
		CallSummary call = this.calls.find(callId).orElseThrow(() -> new CallNotFoundException(callId));
		return forQueue(call.queue());
	}

	@Transactional(readOnly = true)
	public Standard defaultStandard() {
		return this.standards.findByName(DEFAULT_NAME)
			.orElseThrow(() -> new StandardNotFoundException("The default standard has not been created"));
	}

	/** Creates the default standard from the product brief unless it exists; true when it was created. */
	@Transactional
	public boolean createDefaultIfAbsent() {
		return this.standards.insertIfAbsent(DEFAULT_NAME, DefaultStandard.DESCRIPTION)
			.map((id) -> this.standards.insertVersion(id, DefaultStandard.scorecard(), "system"))
			.isPresent();
	}

	private Standard standard(long id) {
		return this.standards.find(id).orElseThrow(() -> new StandardNotFoundException("No standard with id " + id));
	}

}
