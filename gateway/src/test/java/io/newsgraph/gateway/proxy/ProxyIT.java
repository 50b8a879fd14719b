package io.newsgraph.gateway.proxy;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ProxyTests} against the packaged application: the runner jar, or the native executable with -Dnative. */
@QuarkusIntegrationTest
class ProxyIT extends ProxyTests {}
