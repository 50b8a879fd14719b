-- Issue 14: quotes name the principal a spokesperson speaks for and carry a confidence; reported speech is
-- called INDIRECT (was REPORTED); an analysis records the reference date its relative dates were resolved against.
UPDATE quote SET kind = 'INDIRECT' WHERE kind = 'REPORTED';

ALTER TABLE quote
    ADD COLUMN on_behalf_of_entity_id uuid,  -- NULL: the speaker speaks for themselves
    ADD COLUMN confidence             real,  -- 0..1; NULL for quotes stored before this column existed
    ADD CONSTRAINT quote_on_behalf_of_fk FOREIGN KEY (on_behalf_of_entity_id) REFERENCES entity (id),
    ADD CONSTRAINT quote_kind_ck CHECK (kind IN ('DIRECT', 'PARTIAL', 'INDIRECT'));
CREATE INDEX quote_on_behalf_of_idx ON quote (on_behalf_of_entity_id);

ALTER TABLE article_analysis
    ADD COLUMN reference_date        date,
    ADD COLUMN reference_date_source text,  -- PUBLISHED_AT, DATELINE, CAPTION, BYLINE or BODY
    ADD CONSTRAINT article_analysis_reference_ck CHECK ((reference_date IS NULL) = (reference_date_source IS NULL));
