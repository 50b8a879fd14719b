package io.newsgraph.gateway.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.regex.Pattern;

/** Which service owns a public path: first match wins, so the entity-service paths come first. */
@ApplicationScoped
public class RouteTable {
    private record Rule(Pattern path, Upstream upstream) {}

    private final List<Rule> rules;

    RouteTable(Upstreams upstreams) {
        this.rules = List.of(
                new Rule(Pattern.compile("/api/v1/articles/[^/]+/analysis"), upstreams.entities()),
                new Rule(Pattern.compile("/api/v1/(extract|quotes|claims)"), upstreams.entities()),
                new Rule(Pattern.compile("/api/v1/(entities|extraction)(/.*)?"), upstreams.entities()),
                new Rule(Pattern.compile("/api/v1/articles(/.*)?"), upstreams.articles()),
                new Rule(Pattern.compile("/api/v1/(search|suggest)"), upstreams.articles()),
                new Rule(Pattern.compile("/api/v1/trends(/.*)?"), upstreams.articles()),
                new Rule(Pattern.compile("/api/v1/subscriptions(/.*)?"), upstreams.alerts()),
                new Rule(Pattern.compile("/api/v1/stream"), upstreams.alerts()));
    }

    /** The owner of {@code path}, or null when no service serves it. */
    public Upstream route(String path) {
        for (Rule rule : rules) {
            if (rule.path().matcher(path).matches()) {
                return rule.upstream();
            }
        }
        return null;
    }
}
