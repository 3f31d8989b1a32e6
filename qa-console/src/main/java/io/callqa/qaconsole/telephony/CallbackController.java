package io.callqa.qaconsole.telephony;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.callqa.telephony.callbacks.CallbackAttempt;
import io.callqa.telephony.callbacks.CallbackRequest;
import io.callqa.telephony.callbacks.CallbackRequests;
import io.callqa.telephony.callbacks.CallbackState;
import io.callqa.telephony.callbacks.ScheduledCallback;

/**
 * Callback requests: listed, scheduled by an agent ("call Mrs Smith back Tuesday at 10, only me"), cancelled.
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
			@RequestParam(defaultValue = "100") int limit) {
		return this.callbacks.list(queue, state, limit);
	}

	@GetMapping("/api/callbacks/{id}")
	CallbackDetails find(@PathVariable long id) {
		return new CallbackDetails(this.callbacks.find(id), this.callbacks.attempts(id));
	}

	@PostMapping("/api/callbacks")
	ResponseEntity<CallbackRequest> schedule(@RequestBody Schedule body) {
		CallbackRequest request = this.callbacks.schedule(new ScheduledCallback(body.queue(), body.number(),
				body.name(), body.at(), body.agent(), body.onlyMe(), body.note()));
		return ResponseEntity.created(URI.create("/api/callbacks/" + request.id())).body(request);
	}

	@PostMapping("/api/callbacks/{id}/cancel")
	CallbackRequest cancel(@PathVariable long id) {
		return this.callbacks.cancel(id);
	}

	record Schedule(String queue, String number, @Nullable String name, Instant at, String agent, boolean onlyMe,
			@Nullable String note) {
	}

	record CallbackDetails(CallbackRequest request, List<CallbackAttempt> attempts) {
	}

}
