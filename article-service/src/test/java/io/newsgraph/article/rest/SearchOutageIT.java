package io.newsgraph.article.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link SearchOutageTests} against the packaged application (the runner jar, or the native executable with -Dnative):
 * the OpenSearch client's failure paths (refused connections, timeouts) and the indexer's retries as they run in the
 * executable. The test profile (its own node) comes with the inherited {@code @TestProfile}.
 */
@QuarkusIntegrationTest
class SearchOutageIT extends SearchOutageTests {}
