package io.callqa.telephony.agi;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.jspecify.annotations.Nullable;

/**
 * {@link AgiCall} over Asterisk-Java's request and channel, and our scripts served as Asterisk-Java's: the library's
 * exceptions become ours on the way in and the original is given back on the way out, so the server handles them
 * as it always did.
 */
final class AsteriskJavaAgiCall implements AgiCall {

	private final AgiRequest request;

	private final AgiChannel channel;

	private AsteriskJavaAgiCall(AgiRequest request, AgiChannel channel) {
		this.request = request;
		this.channel = channel;
	}

	static AgiScript serving(FastAgiScript script) {
		return (request, channel) -> {
			try {
				script.run(new AsteriskJavaAgiCall(request, channel));
			}
			catch (AgiCallException ex) {
				throw (ex.getCause() instanceof AgiException original) ? original : new AgiException(ex.getMessage(), ex);
			}
		};
	}

	@Override
	public String uniqueid() {
		return this.request.getUniqueId();
	}

	@Override
	public @Nullable String callerNumber() {
		return this.request.getCallerIdNumber();
	}

	@Override
	public @Nullable String callerName() {
		return this.request.getCallerIdName();
	}

	@Override
	public @Nullable String argument(String name) {
		return this.request.getParameter(name);
	}

	@Override
	public void answer() throws AgiCallException {
		run(this.channel::answer);
	}

	@Override
	public @Nullable String variable(String name) throws AgiCallException {
		return get(() -> this.channel.getVariable(name));
	}

	@Override
	public void setVariable(String name, @Nullable String value) throws AgiCallException {
		run(() -> this.channel.setVariable(name, value));
	}

	@Override
	public @Nullable String getData(String file, long timeoutMillis, int maxDigits) throws AgiCallException {
		return get(() -> this.channel.getData(file, timeoutMillis, maxDigits));
	}

	@Override
	public void streamFile(String file) throws AgiCallException {
		run(() -> this.channel.streamFile(file));
	}

	@Override
	public void sayNumber(String number) throws AgiCallException {
		run(() -> this.channel.sayNumber(number));
	}

	@Override
	public void hangup() throws AgiCallException {
		run(this.channel::hangup);
	}

	private static void run(Command command) throws AgiCallException {
		get(() -> {
			command.run();
			return null;
		});
	}

	private static <T> T get(Query<T> query) throws AgiCallException {
		try {
			return query.get();
		}
		catch (AgiHangupException ex) {
			throw new CallerHungUpException(String.valueOf(ex.getMessage()), ex);
		}
		catch (AgiException ex) {
			throw new AgiCallException(String.valueOf(ex.getMessage()), ex);
		}
	}

	private interface Command {

		void run() throws AgiException;

	}

	private interface Query<T> {

		T get() throws AgiException;

	}

}
