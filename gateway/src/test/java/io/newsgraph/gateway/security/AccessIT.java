package io.newsgraph.gateway.security;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link AccessTests} against the packaged application: the runner jar, or the native executable with -Dnative. */
@QuarkusIntegrationTest
class AccessIT extends AccessTests {}
