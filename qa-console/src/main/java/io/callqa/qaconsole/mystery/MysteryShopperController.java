package io.callqa.qaconsole.mystery;

import java.net.URI;
import java.time.Duration;
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

/**
 * The mystery-shopper API. The number list, marking and the setting: supervisors and admins. The report: also
 * managers. Agents get none of it ({@code 403}): an agent who knew the shoppers' number or which of their calls were
 * tests would recognise the next test call.
 */
@RestController
class MysteryShopperController {

	private static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

	private final MysteryShoppers shoppers;

	private final MysteryShopperReport report;

	MysteryShopperController(MysteryShoppers shoppers, MysteryShopperReport report) {
		this.shoppers = shoppers;
		this.report = report;
	}

	@GetMapping("/api/mystery-shopper/numbers")
	List<MysteryShopperRepository.ShopperNumber> numbers(@AuthenticationPrincipal CallQaUser user) {
		requireSupervisor(user);
		return this.shoppers.numbers();
	}

	@PostMapping("/api/mystery-shopper/numbers")
	ResponseEntity<MysteryShoppers.AddedNumber> add(@RequestBody NewNumber body,
			@AuthenticationPrincipal CallQaUser user) {
		requireSupervisor(user);
		MysteryShoppers.AddedNumber added = this.shoppers.add(body.number(), body.note(), body.markDays(),
				user.getUsername());
		return ResponseEntity.created(URI.create("/api/mystery-shopper/numbers/" + added.number().number()))
			.body(added);
	}

	@DeleteMapping("/api/mystery-shopper/numbers/{number}")
	ResponseEntity<Void> remove(@PathVariable String number, @AuthenticationPrincipal CallQaUser user) {
		requireSupervisor(user);
		this.shoppers.remove(number);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/calls/{id}/mystery-shopper")
	MysteryShoppers.CallMark status(@PathVariable long id, @AuthenticationPrincipal CallQaUser user) {
		requireNotAgent(user);
		return this.shoppers.status(id);
	}

	@PostMapping("/api/calls/{id}/mystery-shopper")
	MysteryShoppers.CallMark mark(@PathVariable long id, @AuthenticationPrincipal CallQaUser user) {
		requireSupervisor(user);
		return this.shoppers.mark(id, user.getUsername());
	}

	@DeleteMapping("/api/calls/{id}/mystery-shopper")
	MysteryShoppers.CallMark unmark(@PathVariable long id, @AuthenticationPrincipal CallQaUser user) {
		requireSupervisor(user);
		return this.shoppers.unmark(id, user.getUsername());
	}

	@GetMapping("/api/mystery-shopper/settings")
	MysteryShopperRepository.Setting setting(@AuthenticationPrincipal CallQaUser user) {
		requireNotAgent(user);
		return this.shoppers.setting();
	}

	@PutMapping("/api/mystery-shopper/settings")
	MysteryShopperRepository.Setting useStandard(@RequestBody SettingChange body,
			@AuthenticationPrincipal CallQaUser user) {
		requireSupervisor(user);
		this.shoppers.useStandard(body.standardId(), user.getUsername());
		return this.shoppers.setting();
	}

	@GetMapping("/api/mystery-shopper/report")
	MysteryShopperReport.Report report(@RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to, @AuthenticationPrincipal CallQaUser user) {
		requireNotAgent(user);
		Instant end = (to != null) ? to : Instant.now();
		Instant start = (from != null) ? from : end.minus(DEFAULT_PERIOD);
		return this.report.of(start, end);
	}

	private static void requireSupervisor(CallQaUser user) {
		if (user.role() != Role.SUPERVISOR && user.role() != Role.ADMIN) {
			throw new AccessDeniedException("Mystery-shopper numbers, marking and settings are for supervisors and admins");
		}
	}

	private static void requireNotAgent(CallQaUser user) {
		if (user.role() == Role.AGENT) {
			throw new AccessDeniedException("Mystery-shopper results are for supervisors, managers and admins");
		}
	}

	record NewNumber(@Nullable String number, @Nullable String note, @Nullable Integer markDays) {
	}

	record SettingChange(@Nullable Long standardId) {
	}

}
