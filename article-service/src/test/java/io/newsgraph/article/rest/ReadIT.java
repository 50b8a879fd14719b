package io.newsgraph.article.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ReadTests} against the packaged application: the runner jar, or the native executable with -Dnative. */
@QuarkusIntegrationTest
class ReadIT extends ReadTests {}
