package io.newsgraph.gateway.security;

import io.newsgraph.gateway.config.GatewayConfig;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The keys this gateway accepts, known only by their SHA-256 hashes. With none configured, the local key
 * works in the dev/test/local profiles; in any other profile (prod) nothing is accepted.
 */
@Singleton
public class ApiKeys {
    private static final Logger LOG = Logger.getLogger(ApiKeys.class);
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> LOCAL_PROFILES = Set.of("dev", "test", "local");

    /** One digest per thread (event loop): looking the algorithm up costs more than hashing a key. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });

    private final Map<String, ApiKey> byHash;

    @Inject
    ApiKeys(GatewayConfig config) {
        this(config.apiKeys(), config.localKey(), ConfigUtils.getProfiles());
    }

    ApiKeys(Optional<String> hashed, Optional<String> localKey, List<String> profiles) {
        Map<String, ApiKey> keys = parse(hashed.orElse(""));
        boolean local = profiles.stream().anyMatch(LOCAL_PROFILES::contains);
        if (keys.isEmpty() && local && localKey.isPresent() && !localKey.get().isBlank()) {
            keys.put(sha256(localKey.get()), new ApiKey("local-dev", EnumSet.allOf(Scope.class)));
            LOG.infof("No API keys configured: accepting the local key with all scopes (profiles %s)", profiles);
        } else if (keys.isEmpty()) {
            LOG.warn("No API keys configured (newsgraph.gateway.api-keys): every API call is refused with 401");
        }
        this.byHash = Map.copyOf(keys);
    }

    /** The key matching what a caller presented, if any. */
    public Optional<ApiKey> find(String presented) {
        return presented == null || presented.isEmpty()
                ? Optional.empty()
                : Optional.ofNullable(byHash.get(sha256(presented)));
    }

    public boolean none() {
        return byHash.isEmpty();
    }

    static Map<String, ApiKey> parse(String spec) {
        Map<String, ApiKey> keys = new HashMap<>();
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.trim().split(":", 3); // the scope list itself may hold colons (subscriptions:write)
            if (parts.length != 3
                    || parts[0].isBlank()
                    || !HEX_SHA256.matcher(parts[1].toLowerCase()).matches()) {
                // Never echo the entry: it might be a plain key pasted by mistake.
                throw new IllegalArgumentException(
                        "newsgraph.gateway.api-keys: an entry is not name:sha256hex:scope+scope");
            }
            Set<Scope> scopes = EnumSet.noneOf(Scope.class);
            for (String scope : parts[2].split("\\+")) {
                try {
                    scopes.add(Scope.parse(scope));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("newsgraph.gateway.api-keys: key " + parts[0]
                            + " has an unknown scope (read, write, admin, subscriptions:write)");
                }
            }
            keys.put(parts[1].toLowerCase(), new ApiKey(parts[0].trim(), scopes));
        }
        return keys;
    }

    static String sha256(String value) {
        return HexFormat.of().formatHex(SHA_256.get().digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
