package io.newsgraph.gateway.proxy;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link CircuitBreakerTests} against the packaged application: the runner jar, or the native executable with -Dnative. */
@QuarkusIntegrationTest
@TestProfile(CircuitBreakerTests.QuickBreaker.class)
class CircuitBreakerIT extends CircuitBreakerTests {}
