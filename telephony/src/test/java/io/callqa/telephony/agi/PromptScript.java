package io.callqa.telephony.agi;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.jspecify.annotations.Nullable;

/**
 * A tiny callback-offer IVR for the tests: answers, plays a prompt, reads one digit and stores it in a variable.
 */
final class PromptScript implements AgiScript {

	// The server runs scripts on its own threads and shares one instance between calls, so runs go through a queue.
	private final BlockingQueue<Run> runs = new LinkedBlockingQueue<>();

	@Override
	public void service(AgiRequest request, AgiChannel channel) throws AgiException {
		String choice = null;
		try {
			channel.answer();
			// Callers who already know the menu may press 1 during the greeting.
			char early = channel.streamFile("welcome", "1");
			choice = (early == 0) ? channel.getData("press-1-for-callback", 3000, 1) : String.valueOf(early);
			channel.setVariable("CALLBACK_CHOICE", choice);
		}
		catch (AgiException ex) {
			this.runs.add(new Run(request, choice, ex));
			// Rethrown as a real script would, so the server's own hang-up handling is exercised too.
			throw ex;
		}
		this.runs.add(new Run(request, choice, null));
	}

	/**
	 * Waits for the next finished call.
	 * @param timeout how long to wait
	 * @return what the script saw
	 * @throws InterruptedException if interrupted while waiting
	 */
	Run awaitRun(Duration timeout) throws InterruptedException {
		Run run = this.runs.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		if (run == null) {
			throw new AssertionError("AGI script did not finish within " + timeout);
		}
		return run;
	}

	/**
	 * What the script saw during one call.
	 *
	 * @param request the parsed {@code agi_*} header
	 * @param choice the digits the caller entered, or null when the call ended first
	 * @param failure what Asterisk-Java raised, or null when the script completed
	 */
	record Run(AgiRequest request, @Nullable String choice, @Nullable AgiException failure) {
	}

}
