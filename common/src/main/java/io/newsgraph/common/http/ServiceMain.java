package io.newsgraph.common.http;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The entry point of every service: Quarkus' usual start, after one switch. Quarkus answers a request target
 * that java.net.URI cannot parse (`/entities/%G1`) with a bare 400 before any route runs, and this JVM property
 * is its only switch; with it off, {@link RequestHeadFilter} makes the same check as the first route and answers
 * with problem+json. It is read once, when Quarkus' HTTP recorder loads, so it has to be set before the start:
 * here for the services, in the surefire configuration for tests. A native image initialises that class at build
 * time, so there the builder JVM gets it (each service's quarkus.native.additional-build-args).
 */
@QuarkusMain
public final class ServiceMain {
    private ServiceMain() {}

    public static void main(String... args) {
        System.setProperty("vertx.disableURIValidation", "true");
        Quarkus.run(args);
    }
}
