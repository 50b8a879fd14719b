package io.newsgraph.article.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link PlatformTests} against the packaged application: the runner jar, or the native executable with -Dnative. */
@QuarkusIntegrationTest
class PlatformIT extends PlatformTests {}
