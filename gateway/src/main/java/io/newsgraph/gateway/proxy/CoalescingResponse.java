package io.newsgraph.gateway.proxy;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.streams.WriteStream;

/**
 * The client's side of a relayed answer. Netty cuts what one read of the upstream connection brings into several
 * pieces, and a response writes each at once: a 10 KB answer went out in two or three system calls. Here the pieces
 * of one turn of the event loop are gathered and written together at the end of that turn (or with the end of the
 * answer, in the same write), so nothing waits longer than it did; what one turn brings is bounded by
 * {@link #MAX_PENDING}. Back-pressure is the response's own.
 */
final class CoalescingResponse implements WriteStream<Buffer> {
    static final int MAX_PENDING = 64 * 1024;

    private final HttpServerResponse out;
    private final Context context;
    private Buffer pending;
    /** {@link #pending} is a buffer of ours (not a piece Netty handed over) and may grow. */
    private boolean owned;

    private Promise<Void> pendingWritten;

    CoalescingResponse(HttpServerResponse out, Context context) {
        this.out = out;
        this.context = context;
    }

    @Override
    public Future<Void> write(Buffer piece) {
        if (pending == null) {
            pending = piece;
            owned = false;
            pendingWritten = Promise.promise();
            context.runOnContext(v -> flush());
        } else {
            if (!owned) {
                pending = Buffer.buffer(pending.length() + piece.length()).appendBuffer(pending);
                owned = true;
            }
            pending.appendBuffer(piece);
        }
        Future<Void> written = pendingWritten.future();
        if (pending.length() >= MAX_PENDING) {
            flush();
        }
        return written;
    }

    @Override
    public void write(Buffer piece, Handler<AsyncResult<Void>> handler) {
        write(piece).onComplete(handler);
    }

    private void flush() {
        if (pending != null) {
            Promise<Void> written = pendingWritten;
            out.write(take()).onComplete(written);
        }
    }

    @Override
    public Future<Void> end() {
        if (pending == null) {
            return out.end();
        }
        Promise<Void> written = pendingWritten;
        Future<Void> ended = out.end(take());
        ended.onComplete(written);
        return ended;
    }

    @Override
    public void end(Handler<AsyncResult<Void>> handler) {
        end().onComplete(handler);
    }

    private Buffer take() {
        Buffer taken = pending;
        pending = null;
        pendingWritten = null;
        return taken;
    }

    @Override
    public CoalescingResponse exceptionHandler(Handler<Throwable> handler) {
        out.exceptionHandler(handler);
        return this;
    }

    @Override
    public CoalescingResponse setWriteQueueMaxSize(int maxSize) {
        out.setWriteQueueMaxSize(maxSize);
        return this;
    }

    @Override
    public boolean writeQueueFull() {
        return out.writeQueueFull();
    }

    @Override
    public CoalescingResponse drainHandler(Handler<Void> handler) {
        out.drainHandler(handler);
        return this;
    }
}
