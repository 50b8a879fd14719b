package io.newsgraph.alert.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ArticleServiceOutageTests} against the packaged application: the runner jar, or the native executable with -Dnative. */
@QuarkusIntegrationTest
class ArticleServiceOutageIT extends ArticleServiceOutageTests {}
