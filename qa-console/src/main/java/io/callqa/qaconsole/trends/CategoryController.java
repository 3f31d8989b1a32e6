package io.callqa.qaconsole.trends;

import java.net.URI;
import java.time.Instant;
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
import io.callqa.transcription.Categories;
import io.callqa.transcription.Category;
import io.callqa.transcription.CategoryDraft;
import io.callqa.transcription.Matching;
import io.callqa.transcription.RetagJob;

/**
 * Categories over HTTP. Supervisors and admins edit them and start re-taggings; managers read them. Agents get
 * nothing ({@code 403}): a category says what supervisors watch for, and its calls are everyone's.
 */
@RestController
class CategoryController {

	private final Categories categories;

	CategoryController(Categories categories) {
		this.categories = categories;
	}

	@GetMapping("/api/categories")
	List<Category> list(@AuthenticationPrincipal CallQaUser user) {
		Access.read(user);
		return this.categories.list();
	}

	@GetMapping("/api/categories/{id}")
	Category find(@PathVariable long id, @AuthenticationPrincipal CallQaUser user) {
		Access.read(user);
		return this.categories.find(id);
	}

	/**
	 * A new category, and the calls it may tag re-tagged in the background: those of {@code [retagFrom, retagTo)} when
	 * given, else every transcribed call of the index; {@code "retag": false} leaves them as they are.
	 */
	@PostMapping("/api/categories")
	ResponseEntity<Saved> create(@RequestBody Body body, @AuthenticationPrincipal CallQaUser user) {
		Access.edit(user);
		body.checkRetag();
		Category category = this.categories.create(body.draft(), user.getUsername());
		return ResponseEntity.created(URI.create("/api/categories/" + category.id()))
			.body(new Saved(category, retag(body, user, null)));
	}

	/**
	 * A change, re-tagged as a new category is; renamed, every call tagged with the old name is re-tagged as well
	 * (also with {@code "retag": false}), so the old name leaves the calls outside the period too.
	 */
	@PutMapping("/api/categories/{id}")
	Saved update(@PathVariable long id, @RequestBody Body body, @AuthenticationPrincipal CallQaUser user) {
		Access.edit(user);
		body.checkRetag();
		Categories.Updated updated = this.categories.update(id, body.draft(), user.getUsername());
		return new Saved(updated.category(), retag(body, user, updated.renamed() ? updated.previousName() : null));
	}

	/**
	 * The category deleted and the re-tagging of the calls tagged with it ({@code null} when none is), which takes its
	 * name off them; until then trends, facets and filters ignore the name.
	 */
	@DeleteMapping("/api/categories/{id}")
	Saved delete(@PathVariable long id, @AuthenticationPrincipal CallQaUser user) {
		Access.edit(user);
		Category deleted = this.categories.delete(id);
		return new Saved(deleted, this.categories.retagTagged(deleted.name(), user.getUsername()).orElse(null));
	}

	/**
	 * Runs after the save has committed: a save whose re-tagging fails is still saved (the page shows the error, and
	 * {@code POST /api/categories/retag} tries again).
	 * @param renamedFrom the name the category had before, when the save renamed it
	 */
	private @Nullable RetagJob retag(Body body, CallQaUser user, @Nullable String renamedFrom) {
		String who = user.getUsername();
		if (body.retagFrom() != null && body.retagTo() != null) {
			return this.categories.retag(body.retagFrom(), body.retagTo(), renamedFrom, who);
		}
		if (!Boolean.FALSE.equals(body.retag())) {
			// Every transcribed call: those tagged with the old name among them.
			return this.categories.retagIndexed(who).orElse(null);
		}
		return (renamedFrom != null) ? this.categories.retagTagged(renamedFrom, who).orElse(null) : null;
	}

	@PostMapping("/api/categories/retag")
	ResponseEntity<RetagJob> retag(@RequestBody Period period, @AuthenticationPrincipal CallQaUser user) {
		Access.edit(user);
		if (period.from() == null || period.to() == null) {
			throw new IllegalArgumentException("from and to are required");
		}
		RetagJob job = this.categories.retag(period.from(), period.to(), user.getUsername());
		return ResponseEntity.accepted().location(URI.create("/api/categories/retag/" + job.id())).body(job);
	}

	@GetMapping("/api/categories/retag")
	List<RetagJob> retagJobs(@RequestParam(defaultValue = "10") int limit, @AuthenticationPrincipal CallQaUser user) {
		Access.read(user);
		return this.categories.retagJobs(limit);
	}

	@GetMapping("/api/categories/retag/{id}")
	RetagJob retagJob(@PathVariable long id, @AuthenticationPrincipal CallQaUser user) {
		Access.read(user);
		return this.categories.retagJob(id);
	}

	/**
	 * A category as sent: speaker ANY/AGENT/CUSTOMER and matching EXACT/STEMMED/TOLERANT may be left out; so may the
	 * re-tagging's period ({@code retag} false: none).
	 */
	record Body(@Nullable String name, @Nullable String query, Category.@Nullable Speaker speaker,
			@Nullable Matching matching, @Nullable Instant retagFrom, @Nullable Instant retagTo,
			@Nullable Boolean retag) {

		/** Refuses a contradictory re-tagging before anything is saved. */
		void checkRetag() {
			if (Boolean.FALSE.equals(this.retag) && (this.retagFrom != null || this.retagTo != null)) {
				throw new IllegalArgumentException("retag false and a re-tagging period contradict each other");
			}
			if ((this.retagFrom == null) != (this.retagTo == null)) {
				throw new IllegalArgumentException("retagFrom and retagTo go together");
			}
			if (this.retagFrom != null && this.retagTo != null && !this.retagTo.isAfter(this.retagFrom)) {
				throw new IllegalArgumentException("retagTo must be after retagFrom");
			}
		}

		CategoryDraft draft() {
			return new CategoryDraft((this.name != null) ? this.name : "", (this.query != null) ? this.query : "",
					this.speaker, this.matching);
		}

	}

	record Period(@Nullable Instant from, @Nullable Instant to) {
	}

	/** The category saved (or deleted) and the re-tagging it started, if any. */
	record Saved(Category category, @Nullable RetagJob retag) {
	}

	/**
	 * Who may read and who may change categories and trends.
	 */
	static final class Access {

		private Access() {
		}

		static void read(CallQaUser user) {
			if (user.role() == Role.AGENT) {
				throw new AccessDeniedException("Categories and trends are for supervisors, managers and admins");
			}
		}

		static void edit(CallQaUser user) {
			if (user.role() != Role.SUPERVISOR && user.role() != Role.ADMIN) {
				throw new AccessDeniedException("Only supervisors and admins change categories");
			}
		}

	}

}
