-- The trace context of the write that produced each change (issue 16): a consumer that processes the change later
-- (entity-service's analysis) links its own trace to it. W3C `traceparent` text as the writing request carried it;
-- NULL when that write was not traced (tracing off) and for changes written before this column existed.
ALTER TABLE article_change ADD COLUMN traceparent text;
COMMENT ON COLUMN article_change.traceparent IS 'W3C traceparent of the write that produced this change; NULL when untraced';
