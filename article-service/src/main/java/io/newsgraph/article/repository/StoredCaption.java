package io.newsgraph.article.repository;

/** A photo caption as stored in the `captions` jsonb column. */
public record StoredCaption(String text, String credit) {
}
