package io.newsgraph.alert.service;

import io.newsgraph.alert.config.AlertConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * The SSRF guard on webhook URLs: a webhook must not make this service call into its own network. A URL is accepted
 * only when every address its host resolves to is public - not loopback, link-local (cloud metadata), private,
 * carrier-grade NAT, unique-local, multicast or unspecified - unless the operator allow-listed the network
 * ({@code newsgraph.webhooks.allowed-networks}). Checked at creation (a 400 naming the URL) and again before every
 * attempt, since DNS can change in between. Only https, except into allow-listed networks (a local receiver).
 */
@ApplicationScoped
public class WebhookTargets {
    static final int MAX_URL_LENGTH = 2000;

    private final List<Cidr> allowed;

    @Inject
    WebhookTargets(AlertConfig config) {
        this.allowed = config.webhooks().allowedNetworks().orElse(List.of()).stream()
                .filter(s -> !s.isBlank())
                .map(Cidr::parse)
                .toList();
    }

    /** Why this URL may not be a webhook target; null when it may. Resolves the host (DNS). */
    public String refusal(String url) {
        if (url.length() > MAX_URL_LENGTH) {
            return "must be at most " + MAX_URL_LENGTH + " characters";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "is not a URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            return "must be an absolute https URL";
        }
        if (uri.getUserInfo() != null) {
            return "must not carry credentials";
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return "host " + uri.getHost() + " does not resolve";
        }
        boolean allAllowListed = true;
        for (InetAddress address : addresses) {
            boolean listed = allowed.stream().anyMatch(c -> c.contains(address));
            allAllowListed &= listed;
            if (!listed && !isPublic(address)) {
                return "points to a non-public address (" + address.getHostAddress()
                        + "): loopback, private, link-local and similar "
                        + "networks are refused unless the operator allow-lists them";
            }
        }
        if (scheme.equals("http") && !allAllowListed) {
            return "must be an https URL";
        }
        return null;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0
                    && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT 100.64/10
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved and broadcast
        }
        int first = b[0] & 0xff;
        if ((first & 0xfe) == 0xfc) {
            return false; // unique local fc00::/7
        }
        boolean v4Mapped = true;
        for (int i = 0; i < 10; i++) {
            v4Mapped &= b[i] == 0;
        }
        if (v4Mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            try {
                return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return true;
    }

    /** An address block such as 127.0.0.0/8 or fd00::/8. */
    record Cidr(BigInteger network, int bits, int length) {
        static Cidr parse(String text) {
            String[] parts = text.strip().split("/");
            try {
                byte[] address = InetAddress.getByName(parts[0]).getAddress();
                int length = parts.length > 1 ? Integer.parseInt(parts[1]) : address.length * 8;
                return new Cidr(
                        new BigInteger(1, address).shiftRight(address.length * 8 - length), address.length * 8, length);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException(
                        "newsgraph.webhooks.allowed-networks: '" + text + "' is not a CIDR block", e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] b = address.getAddress();
            return b.length * 8 == bits
                    && new BigInteger(1, b).shiftRight(bits - length).equals(network);
        }
    }
}
