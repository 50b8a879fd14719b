package io.newsgraph.common.search.graal;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.apache.hc.client5.http.impl.auth.BasicScheme;
import org.apache.hc.client5.http.impl.auth.BearerScheme;

/**
 * The auth schemes HttpClient 5's {@code BasicAuthCache} re-creates by reflection ({@code Class.newInstance()}, then
 * restores their state): the OpenSearch client's transport caches the scheme per host for preemptive auth. Without
 * the registration a native executable logs "Unexpected error while reading auth scheme state:
 * InstantiationException: BasicScheme" (found by article-service's ITs natively) and drops the cached scheme: with
 * credentials (NEWSGRAPH_SEARCH_USERNAME, as in prod) requests would lose preemptive basic auth.
 */
@RegisterForReflection(targets = {BasicScheme.class, BearerScheme.class})
final class HttpClientAuthSchemes {
    private HttpClientAuthSchemes() {}
}
