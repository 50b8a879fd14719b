package io.newsgraph.article.repository;

/**
 * What happened to an article in one version; also the change-feed event type. {@code ANALYSED} occurs in the feed
 * only: entity-service stored the entity summary of an existing version (no new version).
 */
public enum ChangeKind {
    CREATED,
    UPDATED,
    DELETED,
    ANALYSED
}
