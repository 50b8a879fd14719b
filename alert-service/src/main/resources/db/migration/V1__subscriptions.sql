-- Saved searches. The owner is the name of the gateway API key that created the subscription: a key sees and
-- changes only its own. `query` is the search as the client gave it; `compiled` the OpenSearch query article-service
-- compiled from it, which the percolator index holds (PostgreSQL is the store of record: the index can be rebuilt
-- from these rows).
CREATE TABLE subscription (
    id              uuid         NOT NULL,
    owner           text         NOT NULL,
    name            text         NOT NULL,
    query           jsonb        NOT NULL,
    compiled        jsonb        NOT NULL,
    webhook_url     text,                      -- NULL: matches are only recorded and streamed (SSE)
    secret          text         NOT NULL,     -- whsec_ + base64 of the HMAC key; needed in clear to sign
    previous_secret text,                      -- after a rotation, also signed with until previous_secret_until
    previous_secret_until timestamptz,
    active          boolean      NOT NULL DEFAULT true,
    index_pending   boolean      NOT NULL DEFAULT true, -- the percolator index does not hold this version yet
    revision        bigint       NOT NULL DEFAULT 1,    -- external version of the percolator document
    list_seq        bigserial    NOT NULL,              -- listing order (cursor)
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT subscription_pk PRIMARY KEY (id),
    CONSTRAINT subscription_list_seq_uq UNIQUE (list_seq)
);
CREATE INDEX subscription_owner_idx ON subscription (owner, list_seq DESC);
CREATE INDEX subscription_index_pending_idx ON subscription (id) WHERE index_pending;

-- Consumption of article-service's change feed, as in entity-service: one replica at a time advances it.
CREATE TABLE feed_cursor (
    id          integer      NOT NULL,
    cursor      text,                     -- opaque cursor of article-service's feed; NULL = from the beginning
    last_seq    bigint       NOT NULL DEFAULT 0,
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT feed_cursor_pk PRIMARY KEY (id),
    CONSTRAINT feed_cursor_single_row_ck CHECK (id = 1)
);
INSERT INTO feed_cursor (id) VALUES (1);

-- What matched, recorded before anything is delivered (at-least-once). One row per subscription and article version:
-- replaying the feed inserts nothing twice. `id` orders matches and is the SSE event id (Last-Event-ID resumes after it).
CREATE TABLE subscription_match (
    id               bigserial    NOT NULL,
    subscription_id  uuid         NOT NULL,
    article_id       uuid         NOT NULL,
    article_version  integer      NOT NULL,
    feed_seq         bigint       NOT NULL,   -- the feed event the match came from
    event_time       timestamptz  NOT NULL,   -- when that event happened in article-service (lag = matched_at - event_time)
    payload          jsonb        NOT NULL,   -- the event as delivered (webhook body, SSE data)
    matched_at       timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT subscription_match_pk PRIMARY KEY (id),
    CONSTRAINT subscription_match_once_uq UNIQUE (subscription_id, article_id, article_version),
    CONSTRAINT subscription_match_subscription_fk FOREIGN KEY (subscription_id) REFERENCES subscription (id) ON DELETE CASCADE
);
CREATE INDEX subscription_match_newest_idx ON subscription_match (subscription_id, id DESC);

-- One webhook delivery per match to a subscription with a webhook, enqueued in the match's transaction. Deliverers
-- claim due rows with FOR UPDATE SKIP LOCKED and lease them (next_attempt_at moves past the attempt's timeout), so a
-- killed deliverer's claim simply becomes due again.
CREATE TABLE webhook_delivery (
    id               uuid         NOT NULL,   -- the webhook-id header: the same for every attempt
    match_id         bigint       NOT NULL,
    subscription_id  uuid         NOT NULL,
    state            text         NOT NULL DEFAULT 'PENDING',
    attempts         integer      NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz  NOT NULL DEFAULT now(),
    retry_from       timestamptz  NOT NULL DEFAULT now(), -- start of the retry window (reset by a manual redelivery)
    last_status      integer,                 -- HTTP status of the last attempt; NULL: no answer (see last_error)
    last_error       text,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    delivered_at     timestamptz,
    CONSTRAINT webhook_delivery_pk PRIMARY KEY (id),
    CONSTRAINT webhook_delivery_match_uq UNIQUE (match_id),
    CONSTRAINT webhook_delivery_state_ck CHECK (state IN ('PENDING', 'DELIVERED', 'PARKED')),
    CONSTRAINT webhook_delivery_match_fk FOREIGN KEY (match_id) REFERENCES subscription_match (id) ON DELETE CASCADE
);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX webhook_delivery_subscription_idx ON webhook_delivery (subscription_id, created_at DESC, id);

-- Every attempt with its outcome, for GET /subscriptions/{id}/deliveries.
CREATE TABLE delivery_attempt (
    delivery_id  uuid         NOT NULL,
    attempt      integer      NOT NULL,
    attempted_at timestamptz  NOT NULL DEFAULT now(),
    status       integer,                      -- NULL: no HTTP answer
    error        text,
    duration_ms  integer      NOT NULL,
    CONSTRAINT delivery_attempt_pk PRIMARY KEY (delivery_id, attempt),
    CONSTRAINT delivery_attempt_delivery_fk FOREIGN KEY (delivery_id) REFERENCES webhook_delivery (id) ON DELETE CASCADE
);
