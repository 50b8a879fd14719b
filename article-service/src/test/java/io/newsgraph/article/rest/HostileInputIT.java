package io.newsgraph.article.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link HostileInputTests} against the packaged application: the runner jar, or the native executable with -Dnative. */
@QuarkusIntegrationTest
class HostileInputIT extends HostileInputTests {}
