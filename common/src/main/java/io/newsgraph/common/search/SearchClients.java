package io.newsgraph.common.search;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.jboss.logging.Logger;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * The one OpenSearch client of a service, built from {@link SearchConfig}: basic auth when a user is set, TLS trusting
 * the configured CA (host names verified), bounded connect and response times, documents mapped by Quarkus' own
 * ObjectMapper (so records serialise as in the REST layer).
 */
@ApplicationScoped
public class SearchClients {
    private static final Logger LOG = Logger.getLogger(SearchClients.class);

    @Produces
    @Singleton
    OpenSearchClient client(SearchConfig config, ObjectMapper mapper) {
        URI uri = URI.create(config.url());
        HttpHost host = new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 9200);
        SSLContext tls = "https".equals(uri.getScheme()) ? sslContext(config) : null;
        var transport = ApacheHttpClient5TransportBuilder.builder(host)
                .setMapper(new JacksonJsonpMapper(mapper.copy()
                        .disable(
                                DeserializationFeature
                                        .FAIL_ON_TRAILING_TOKENS))) // the client parses responses piecewise
                .setRequestConfigCallback(request -> request.setConnectionRequestTimeout(
                                Timeout.of(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS))
                        .setResponseTimeout(Timeout.of(config.responseTimeout().toMillis(), TimeUnit.MILLISECONDS)))
                .setHttpClientConfigCallback(client -> {
                    var connections = PoolingAsyncClientConnectionManagerBuilder.create()
                            .setMaxConnPerRoute(64)
                            .setMaxConnTotal(64);
                    if (tls != null) {
                        connections.setTlsStrategy(ClientTlsStrategyBuilder.create()
                                .setSslContext(tls)
                                .build());
                    }
                    client.setConnectionManager(connections.build());
                    // No gzip: the node would spend ~1 ms of CPU per search compressing hits that travel only within
                    // the host or cluster network (bench/search/README.md, "Where the time goes").
                    client.disableContentCompression();
                    if (config.username().isPresent()) {
                        var credentials = new BasicCredentialsProvider();
                        credentials.setCredentials(
                                new AuthScope(host),
                                new UsernamePasswordCredentials(
                                        config.username().get(),
                                        config.password().orElse("").toCharArray()));
                        client.setDefaultCredentialsProvider(credentials);
                    }
                    return client;
                })
                .build();
        return new OpenSearchClient(transport);
    }

    void close(@Disposes OpenSearchClient client) throws IOException {
        client._transport().close();
    }

    /** Trusts the configured CA only, or the JDK's defaults when none is configured. */
    private static SSLContext sslContext(SearchConfig config) {
        try {
            if (config.caFile().isEmpty()) {
                return SSLContext.getDefault();
            }
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            try (InputStream pem = Files.newInputStream(config.caFile().get())) {
                int i = 0;
                for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
                    trusted.setCertificateEntry("ca-" + i++, (X509Certificate) certificate);
                }
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            // A wrong CA path must not take ingest down with it: searches answer 503 and the indexers retry until
            // fixed.
            LOG.errorf(
                    "cannot read the search cluster's CA from %s (%s): no TLS connection to it is trusted until this is fixed",
                    config.caFile().orElse(null), e.toString());
            return trustingNothing();
        }
    }

    private static SSLContext trustingNothing() {
        try {
            KeyStore empty = KeyStore.getInstance(KeyStore.getDefaultType());
            empty.load(null, null);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(empty);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot build a TLS context", e);
        }
    }
}
