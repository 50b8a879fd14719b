-- Issue 13 §2: after each stored analysis the article's entity summary is pushed to article-service
-- (PUT /internal/articles/{id}/entities). One row per article: a newer analysis replaces a pending push of an older
-- one, and the pusher sends the analysis stored when it runs. Written in the analysis' transaction, deleted once
-- article-service answered 204, 404 or 409; retried with backoff on 5xx/timeouts; PARKED on a 400 (a bug to look at).
CREATE TABLE entity_summary_outbox (
    article_id      uuid         NOT NULL,
    version         integer      NOT NULL, -- article version whose analysis is to be pushed
    state           text         NOT NULL DEFAULT 'PENDING',
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL DEFAULT now(), -- backoff after a failure; a lease while a push is in flight
    last_error      text,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT entity_summary_outbox_pk PRIMARY KEY (article_id),
    CONSTRAINT entity_summary_outbox_state_ck CHECK (state IN ('PENDING', 'PARKED'))
);
CREATE INDEX entity_summary_outbox_due_idx ON entity_summary_outbox (next_attempt_at) WHERE state = 'PENDING';
