package io.newsgraph.article.service;

import io.newsgraph.article.repository.Article;

/** Result of a write: the article as stored now, and whether this request created or changed it. */
public record StoredArticle(Article article, boolean changed) {}
