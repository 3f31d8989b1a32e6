package io.callqa.qaconsole.users;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The reasons an agent may give for a pause ({@code callqa.floor.pause-reasons}); Asterisk takes any text, the
 * console offers these and accepts only these, so the time in pause adds up by reason.
 */
@Component
public class PauseReasons {

	private final List<String> reasons;

	PauseReasons(@Value("${callqa.floor.pause-reasons:Break,Lunch,Training,Meeting,Coaching,Admin}") List<String> reasons) {
		this.reasons = reasons.stream().map(String::strip).filter((reason) -> !reason.isEmpty()).distinct().toList();
	}

	public List<String> list() {
		return this.reasons;
	}

	public boolean contains(String reason) {
		return this.reasons.contains(reason);
	}

}
