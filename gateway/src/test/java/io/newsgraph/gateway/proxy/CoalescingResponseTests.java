package io.newsgraph.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CoalescingResponseTests {
    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void piecesOfOneTurnGoOutInOneWriteWithTheEnd() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        Context context = vertx.getOrCreateContext();
        onLoop(context, () -> {
            CoalescingResponse out = new CoalescingResponse(recording(calls), context);
            out.write(Buffer.buffer("a"));
            out.write(Buffer.buffer("b"));
            out.write(Buffer.buffer("c"));
            out.end();
        });
        assertEquals(List.of("end abc"), calls);
    }

    @Test
    void aTurnThatEndsWithoutTheEndWritesWhatItGathered() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        Context context = vertx.getOrCreateContext();
        CoalescingResponse[] out = new CoalescingResponse[1];
        onLoop(context, () -> {
            out[0] = new CoalescingResponse(recording(calls), context);
            out[0].write(Buffer.buffer("a"));
            out[0].write(Buffer.buffer("b"));
        });
        onLoop(context, () -> {}); // the flush queued by the first turn has run
        onLoop(context, () -> {
            out[0].write(Buffer.buffer("c"));
            out[0].end();
        });
        assertEquals(List.of("write ab", "end c"), calls);
    }

    @Test
    void aLargeTurnIsWrittenInPiecesOfTheBound() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        Context context = vertx.getOrCreateContext();
        onLoop(context, () -> {
            CoalescingResponse out = new CoalescingResponse(recording(calls), context);
            for (int i = 0; i < 3; i++) {
                out.write(Buffer.buffer(new byte[CoalescingResponse.MAX_PENDING / 2]));
            }
            out.end();
        });
        assertEquals(
                List.of(
                        "write " + CoalescingResponse.MAX_PENDING + " bytes",
                        "end " + CoalescingResponse.MAX_PENDING / 2 + " bytes"),
                calls);
    }

    private static void onLoop(Context context, Runnable work) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        context.runOnContext(v -> {
            try {
                work.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get(10, TimeUnit.SECONDS);
    }

    /** A response that records what it is asked to write. */
    private static HttpServerResponse recording(List<String> calls) {
        return (HttpServerResponse) Proxy.newProxyInstance(
                HttpServerResponse.class.getClassLoader(),
                new Class<?>[] {HttpServerResponse.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if ((name.equals("write") || name.equals("end")) && method.getReturnType() == Future.class) {
                        calls.add(name + (args == null ? "" : " " + describe((Buffer) args[0])));
                        return Future.succeededFuture();
                    }
                    throw new UnsupportedOperationException(name);
                });
    }

    private static String describe(Buffer buffer) {
        return buffer.length() > 16 ? buffer.length() + " bytes" : buffer.toString();
    }
}
