package io.callqa.qaconsole.floor;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.callqa.qaconsole.users.CallQaUser;
import io.callqa.qaconsole.users.Users;
import io.callqa.telephony.FloorSnapshot;
import io.callqa.telephony.LiveFloor;

/**
 * The wallboard's reads: the floor now with thresholds and today's figures, its event stream, and a queue's
 * thresholds (changed by the queue's supervisors and admins). Staff see callers' numbers and spies, wallboard users
 * neither; agents get a 403.
 */
@RestController
@EnableConfigurationProperties(WallboardProperties.class)
class FloorController {

	private final LiveFloor floor;

	private final WallboardThresholds thresholds;

	private final TodaysFigures today;

	private final FloorStream stream;

	private final Users users;

	FloorController(LiveFloor floor, WallboardThresholds thresholds, TodaysFigures today, FloorStream stream,
			Users users) {
		this.users = users;
		this.floor = floor;
		this.thresholds = thresholds;
		this.today = today;
		this.stream = stream;
	}

	@GetMapping("/api/floor")
	FloorView floor(Authentication user) {
		FloorAudience audience = FloorAudience.required(user);
		FloorSnapshot snapshot = this.floor.snapshot();
		return new FloorView((audience == FloorAudience.STAFF) ? snapshot : WallboardRedaction.snapshot(snapshot),
				this.thresholds.current(), this.today.current());
	}

	@GetMapping("/api/floor/stream")
	void stream(@Nullable Authentication user, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		this.stream.connect(request, response, FloorAudience.required(user));
	}

	@GetMapping("/api/floor/queues/{queue}/thresholds")
	QueueThresholds thresholds(Authentication user, @PathVariable String queue) {
		FloorAudience.required(user);
		return this.thresholds.of(queue);
	}

	@PutMapping("/api/floor/queues/{queue}/thresholds")
	QueueThresholds changeThresholds(@AuthenticationPrincipal CallQaUser user, @PathVariable String queue,
			@RequestBody ThresholdsChange change) {
		// As for the actions on the floor: admins any queue, supervisors theirs (as their row says now).
		if (!this.users.floorRights(user).actsOn(queue)) {
			throw new FloorAccessDeniedException("Only the queue's supervisors and admins change its thresholds");
		}
		return this.thresholds.save(change.validated(queue), user.getUsername());
	}

}
