package io.newsgraph.article.repository;

/** What happened to an article in one version; also the change-feed event type. */
public enum ChangeKind {
    CREATED, UPDATED, DELETED
}
