package io.callqa.qaconsole.floor;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.function.Consumer;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

/**
 * One connected wallboard: frames are queued and written with the servlet's non-blocking output, so a slow or stuck
 * client never holds up the pusher or the other clients. One that falls more than {@code maxBacklog} bytes behind is
 * dropped (its browser reconnects and starts again from a snapshot).
 */
final class StreamClient implements WriteListener, AsyncListener {

	private final AsyncContext async;

	private final ServletOutputStream out;

	private final FloorAudience audience;

	private final int maxBacklog;

	private final Consumer<StreamClient> onClose;

	private final ArrayDeque<byte[]> pending = new ArrayDeque<>();

	private int backlog;

	private boolean unflushed;

	private boolean closed;

	StreamClient(AsyncContext async, FloorAudience audience, int maxBacklog, Consumer<StreamClient> onClose)
			throws IOException {
		this.async = async;
		this.out = async.getResponse().getOutputStream();
		this.audience = audience;
		this.maxBacklog = maxBacklog;
		this.onClose = onClose;
	}

	/** Starts writing: the container calls {@link #onWritePossible()} once the stream is ready. */
	void start() {
		this.async.addListener(this);
		this.out.setWriteListener(this);
	}

	FloorAudience audience() {
		return this.audience;
	}

	/** Queues a frame (shared with the other clients, never changed) and writes what the socket takes now. */
	synchronized void send(byte[] frame) {
		if (this.closed) {
			return;
		}
		if (this.backlog + frame.length > this.maxBacklog) {
			close();
			return;
		}
		this.pending.add(frame);
		this.backlog += frame.length;
		drain();
	}

	@Override
	public synchronized void onWritePossible() {
		drain();
	}

	private void drain() {
		try {
			while (!this.closed && this.out.isReady()) {
				byte[] next = this.pending.poll();
				if (next != null) {
					this.backlog -= next.length;
					this.out.write(next);
					this.unflushed = true;
				}
				else if (this.unflushed) {
					this.unflushed = false;
					this.out.flush();
				}
				else {
					return;
				}
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The browser went away (or the response was completed under us): forget it.
			close();
		}
	}

	synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.pending.clear();
		try {
			this.async.complete();
		}
		catch (IllegalStateException ex) {
			// Already completed by the container (timeout, error).
		}
		this.onClose.accept(this);
	}

	@Override
	public void onError(Throwable failure) {
		close();
	}

	@Override
	public void onComplete(AsyncEvent event) {
		close();
	}

	@Override
	public void onTimeout(AsyncEvent event) {
		close();
	}

	@Override
	public void onError(AsyncEvent event) {
		close();
	}

	@Override
	public void onStartAsync(AsyncEvent event) {
	}

}
