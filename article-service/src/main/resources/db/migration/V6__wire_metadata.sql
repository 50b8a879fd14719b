-- Wire metadata the parser reads from the text (docs/decisions.md, "Wire metadata"). The dateline, bylines, credit
-- footers and agency tags are cut from `body` (they are not prose); these columns keep what they said.
-- Rows stored before this migration keep NULL / '[]' until their next version is written.
ALTER TABLE article
    ADD COLUMN dateline_text      text,                       -- the dateline as printed, e.g. 'KYIV, March 3 (Reuters) -'
    ADD COLUMN dateline_month_day text,                       -- the day it names, ISO 8601 month-day ('--03-03')
    ADD COLUMN dateline_date      date,                       -- that day with its year: printed, or resolved from publication/byline date
    ADD COLUMN agency             text,                       -- canonical news agency credited (dateline, agency tag, byline)
    ADD COLUMN byline_date        date,                       -- date of a dated byline ('Updated: 2025-03-03 10:17')
    ADD COLUMN credits            jsonb NOT NULL DEFAULT '[]'; -- [{role, names}] from 'Reporting by ...; Editing by ...'

ALTER TABLE article_version
    ADD COLUMN dateline_text      text,
    ADD COLUMN dateline_month_day text,
    ADD COLUMN dateline_date      date,
    ADD COLUMN agency             text,
    ADD COLUMN byline_date        date,
    ADD COLUMN credits            jsonb NOT NULL DEFAULT '[]';

