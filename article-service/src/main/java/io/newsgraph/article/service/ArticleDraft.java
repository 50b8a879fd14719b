package io.newsgraph.article.service;

import io.newsgraph.article.repository.StoredCaption;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** A parsed article ready to be stored: what a create or an update writes. */
public record ArticleDraft(
        String externalId,
        String title,
        String author,
        String source,
        String dateline,
        String url,
        String language,
        Instant publishedAt,
        String publishedAtSource,
        String body,
        List<StoredCaption> captions,
        List<String> footers,
        WireMetadata wire,
        String originalText,
        String originalMediaType) {

    public ArticleDraft {
        wire = wire == null ? WireMetadata.NONE : wire;
    }

    /**
     * Dedup key: the title and body with case and whitespace folded, so the same story posted as JSON, as
     * wire copy or with different metadata is recognised as the same content.
     */
    public String contentHash() {
        String normalised = (title + "\n" + body)
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ")
                .strip();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
