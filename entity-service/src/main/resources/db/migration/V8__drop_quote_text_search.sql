-- Issue 13: `GET /quotes?q=` searches the OpenSearch quotes index; PostgreSQL's full-text index of quotes has no reader.
DROP INDEX quote_text_idx;
