package io.newsgraph.alert.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link MatchingTests} against the packaged application: the runner jar, or the native executable with -Dnative. */
@QuarkusIntegrationTest
class MatchingIT extends MatchingTests {}
