package io.newsgraph.entity.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ExtractResourceTests} against the packaged application: the runner jar, or the native executable with -Dnative. */
@QuarkusIntegrationTest
class ExtractResourceIT extends ExtractResourceTests {}
