-- Consumption of article-service's change feed.
--
-- One replica at a time pulls the feed: the one that locks the single feed_cursor row (FOR UPDATE SKIP
-- LOCKED). It inserts one job per event and advances the cursor in the same transaction, so a crash
-- loses nothing and replays at most the events of the page in flight (jobs are idempotent per version).
CREATE TABLE feed_cursor (
    id          integer      NOT NULL,
    cursor      text,                     -- opaque cursor of article-service's feed; NULL = from the beginning
    last_seq    bigint       NOT NULL DEFAULT 0,
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT feed_cursor_pk PRIMARY KEY (id),
    CONSTRAINT feed_cursor_single_row_ck CHECK (id = 1)
);
INSERT INTO feed_cursor (id) VALUES (1);

-- One job per article version (or delete). Workers on any replica claim PENDING jobs with
-- FOR UPDATE SKIP LOCKED and process each inside the claiming transaction: a killed worker's
-- transaction rolls back and the job is simply PENDING again.
CREATE TABLE extraction_job (
    article_id      uuid         NOT NULL,
    version         integer      NOT NULL,
    kind            text         NOT NULL,  -- CREATED, UPDATED or DELETED (the feed event)
    seq             bigint       NOT NULL,  -- feed position: jobs run in feed order
    state           text         NOT NULL DEFAULT 'PENDING',
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL DEFAULT now(), -- backoff after a failure
    last_error      text,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    CONSTRAINT extraction_job_pk PRIMARY KEY (article_id, version),
    CONSTRAINT extraction_job_state_ck CHECK (state IN ('PENDING', 'DONE', 'SUPERSEDED', 'PARKED')),
    CONSTRAINT extraction_job_kind_ck CHECK (kind IN ('CREATED', 'UPDATED', 'DELETED'))
);
CREATE INDEX extraction_job_pending_idx ON extraction_job (next_attempt_at, seq) WHERE state = 'PENDING';
CREATE INDEX extraction_job_parked_idx ON extraction_job (seq) WHERE state = 'PARKED';
