package io.newsgraph.gateway.proxy;

import io.netty.util.concurrent.FastThreadLocal;
import io.vertx.core.http.HttpClient;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An upstream's HTTP clients, one per event loop. Vert.x binds a pooled connection to the event loop that opened it;
 * with one client shared by every loop, a request served on one loop often gets a connection of another, and each
 * step of the exchange (head, answer, each chunk) then crosses threads through a task queue and a selector wake-up.
 * A loop that only uses its own client opens its connections itself and keeps every exchange on its thread
 * (bench/gateway: no more selector wake-ups on the proxy path).
 */
public final class LoopClients {
    private final List<HttpClient> clients;
    private final AtomicInteger handedOut = new AtomicInteger();
    private final FastThreadLocal<HttpClient> mine = new FastThreadLocal<>() {
        @Override
        protected HttpClient initialValue() {
            // Each event loop takes the next client; were there more calling threads than clients, they would share.
            return clients.get(Math.floorMod(handedOut.getAndIncrement(), clients.size()));
        }
    };

    public LoopClients(List<HttpClient> clients) {
        if (clients.isEmpty()) {
            throw new IllegalArgumentException("no client");
        }
        this.clients = List.copyOf(clients);
    }

    /** The calling event loop's client. */
    public HttpClient client() {
        return mine.get();
    }

    public void close() {
        clients.forEach(HttpClient::close);
    }
}
