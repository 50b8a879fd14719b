package io.newsgraph.gateway.proxy;

import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
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
 * {@link #MAX_PENDING}. The pieces are gathered without copying them (a composite buffer the transport writes in one
 * gathering write): copying them into one buffer was a quarter of the gateway's allocation (bench/gateway, JFR).
 * Back-pressure is the response's own. It also keeps when the last piece came, for the proxy's limit on an upstream's
 * silence.
 */
final class CoalescingResponse implements WriteStream<Buffer> {
    static final int MAX_PENDING = 64 * 1024;
    /** Past this many pieces a composite buffer consolidates them (a copy); a turn rarely brings more than a few. */
    private static final int MAX_COMPONENTS = 64;

    private final HttpServerResponse out;
    private final Context context;
    private Buffer pending;
    /** The pieces of this turn once there is more than one; {@link #pending} then wraps it. */
    private CompositeByteBuf gathered;

    private Promise<Void> pendingWritten;
    private long lastPieceNanos = System.nanoTime();

    CoalescingResponse(HttpServerResponse out, Context context) {
        this.out = out;
        this.context = context;
    }

    @Override
    public Future<Void> write(Buffer piece) {
        lastPieceNanos = System.nanoTime();
        if (pending == null) {
            pending = piece;
            pendingWritten = Promise.promise();
            context.runOnContext(v -> flush());
        } else {
            if (gathered == null) {
                gathered = Unpooled.compositeBuffer(MAX_COMPONENTS).addComponent(true, pending.getByteBuf());
                pending = Buffer.buffer(gathered);
            }
            gathered.addComponent(true, piece.getByteBuf());
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

    /** {@link System#nanoTime()} when the last piece came (or when the relay began). */
    long lastPieceNanos() {
        return lastPieceNanos;
    }

    /** The client does not take what is written as fast as it comes, so the upstream's answer is paused. */
    boolean waitingForClient() {
        return out.writeQueueFull();
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
        gathered = null;
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
