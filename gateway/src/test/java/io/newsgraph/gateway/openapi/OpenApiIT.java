package io.newsgraph.gateway.openapi;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link OpenApiTests} against the packaged application: the runner jar, or the native executable with -Dnative. */
@QuarkusIntegrationTest
class OpenApiIT extends OpenApiTests {}
