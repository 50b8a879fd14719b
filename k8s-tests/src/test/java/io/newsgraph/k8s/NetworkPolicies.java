package io.newsgraph.k8s;

import static io.newsgraph.k8s.Rendered.kind;
import static io.newsgraph.k8s.Rendered.list;
import static io.newsgraph.k8s.Rendered.map;

import java.util.List;
import java.util.Map;

/**
 * A NetworkPolicy evaluator for the constructs k8s/ uses (matchLabels selectors, numeric TCP ports); anything else
 * (matchExpressions, named ports, ipBlock peers that could reach private ranges) fails the test rather than being
 * guessed at. All our pods live in the namespace {@value #NAMESPACE}, on private (RFC 1918 / CGNAT) addresses: an ipBlock
 * that excepts every private range reaches the internet only, never a pod.
 */
final class NetworkPolicies {
    static final String NAMESPACE = "newsgraph";
    static final List<String> PRIVATE_RANGES =
            List.of("10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16");

    private NetworkPolicies() {}

    /** Whether a pod with labels {@code from} may open a TCP connection to a pod with labels {@code to} on {@code port}. */
    static boolean allows(
            List<Map<String, Object>> objects, Map<String, Object> from, Map<String, Object> to, int port) {
        return direction(objects, from, "Egress", "egress", "to", peer -> matchesPeer(peer, NAMESPACE, to), port)
                && direction(
                        objects, to, "Ingress", "ingress", "from", peer -> matchesPeer(peer, NAMESPACE, from), port);
    }

    /** Ingress side only, for a client in another namespace (its own egress is not ours to decide). */
    static boolean allowsIngressFromNamespace(
            List<Map<String, Object>> objects,
            String namespace,
            Map<String, Object> from,
            Map<String, Object> to,
            int port) {
        return direction(objects, to, "Ingress", "ingress", "from", peer -> matchesPeer(peer, namespace, from), port);
    }

    /** Egress side only, for a server in another namespace (its own ingress is not ours to decide). */
    static boolean allowsEgressToNamespace(
            List<Map<String, Object>> objects,
            Map<String, Object> from,
            String namespace,
            Map<String, Object> to,
            int port) {
        return direction(objects, from, "Egress", "egress", "to", peer -> matchesPeer(peer, namespace, to), port);
    }

    private static boolean direction(
            List<Map<String, Object>> objects,
            Map<String, Object> pod,
            String type,
            String section,
            String peers,
            java.util.function.Predicate<Map<String, Object>> peerMatches,
            int port) {
        boolean isolated = false;
        for (Map<String, Object> np : kind(objects, "NetworkPolicy")) {
            Map<String, Object> spec = map(np, "spec");
            if (!selector(map(spec, "podSelector")).entrySet().stream()
                    .allMatch(e -> String.valueOf(e.getValue()).equals(String.valueOf(pod.get(e.getKey()))))) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<String> types = (List<String>) spec.get("policyTypes");
            if (types == null || !types.contains(type)) {
                if (types == null) {
                    throw new AssertionError(Rendered.name(np) + ": policyTypes must be explicit");
                }
                continue;
            }
            isolated = true;
            for (Map<String, Object> rule : list(spec, section)) {
                List<Map<String, Object>> ps = list(rule, peers);
                boolean peerOk = !rule.containsKey(peers) || ps.stream().anyMatch(peerMatches);
                List<Map<String, Object>> ports = list(rule, "ports");
                boolean portOk = !rule.containsKey("ports")
                        || ports.stream().anyMatch(p -> {
                            if (!(p.get("port") instanceof Number n)) {
                                throw new AssertionError(Rendered.name(np) + ": only numeric ports are evaluated");
                            }
                            return n.intValue() == port && "TCP".equals(p.getOrDefault("protocol", "TCP"));
                        });
                if (peerOk && portOk) {
                    return true;
                }
            }
        }
        return !isolated;
    }

    private static boolean matchesPeer(Map<String, Object> peer, String podNamespace, Map<String, Object> podLabels) {
        if (peer.containsKey("ipBlock")) {
            @SuppressWarnings("unchecked")
            List<String> except = (List<String>) map(peer, "ipBlock").getOrDefault("except", List.of());
            if (!except.containsAll(PRIVATE_RANGES)) {
                throw new AssertionError("an ipBlock must except every private range " + PRIVATE_RANGES + ": " + peer);
            }
            return false; // the internet: no pod of ours
        }
        boolean namespaceOk = peer.containsKey("namespaceSelector")
                ? selector(map(peer, "namespaceSelector")).equals(Map.of("kubernetes.io/metadata.name", podNamespace))
                        || selector(map(peer, "namespaceSelector")).isEmpty()
                : podNamespace.equals(NAMESPACE);
        boolean podOk = !peer.containsKey("podSelector")
                || selector(map(peer, "podSelector")).entrySet().stream()
                        .allMatch(e -> String.valueOf(e.getValue()).equals(String.valueOf(podLabels.get(e.getKey()))));
        return namespaceOk && podOk;
    }

    private static Map<String, Object> selector(Map<String, Object> selector) {
        if (selector.containsKey("matchExpressions")) {
            throw new AssertionError("matchExpressions are not evaluated");
        }
        return map(selector, "matchLabels");
    }
}
