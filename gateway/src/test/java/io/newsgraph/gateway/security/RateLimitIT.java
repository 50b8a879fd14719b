package io.newsgraph.gateway.security;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link RateLimitTests} against the packaged application: the runner jar, or the native executable with -Dnative. */
@QuarkusIntegrationTest
@TestProfile(RateLimitTests.TinyQuota.class)
class RateLimitIT extends RateLimitTests {}
