package io.newsgraph.gateway.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link CompositionTests} against the packaged application: the runner jar, or the native executable with -Dnative. */
@QuarkusIntegrationTest
class CompositionIT extends CompositionTests {}
