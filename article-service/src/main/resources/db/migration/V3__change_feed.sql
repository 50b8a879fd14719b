-- The change feed: one row per create/update/delete, in commit order.
--
-- Why a counter row instead of a sequence: sequence values are handed out at insert time, so a
-- transaction holding seq 10 can commit after one holding seq 11, and a consumer that already read past
-- 11 would skip 10 forever. Each writer takes the next position from feed_position as the last statement
-- of its transaction; the row lock it takes is held until commit, so positions become visible strictly
-- in order and "seq > cursor" never skips an event.
CREATE TABLE feed_position (
    id        integer NOT NULL,
    last_seq  bigint  NOT NULL,
    CONSTRAINT feed_position_pk PRIMARY KEY (id),
    CONSTRAINT feed_position_single_row_ck CHECK (id = 1)
);
INSERT INTO feed_position (id, last_seq) VALUES (1, 0);

CREATE TABLE article_change (
    seq          bigint       NOT NULL,
    kind         text         NOT NULL, -- CREATED, UPDATED or DELETED
    article_id   uuid         NOT NULL,
    version      integer      NOT NULL,
    occurred_at  timestamptz  NOT NULL,
    CONSTRAINT article_change_pk PRIMARY KEY (seq),
    CONSTRAINT article_change_version_fk FOREIGN KEY (article_id, version) REFERENCES article_version (article_id, version),
    CONSTRAINT article_change_kind_ck CHECK (kind IN ('CREATED', 'UPDATED', 'DELETED'))
);
