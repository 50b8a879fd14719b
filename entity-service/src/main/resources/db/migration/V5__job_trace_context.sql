-- The trace context of the article-service write behind each job, as the change feed carries it (issue 16): the job's
-- span links to it, so the asynchronous analysis of an article can be found from the ingest that caused it.
-- NULL when the write was not traced and for jobs enqueued before this column existed.
ALTER TABLE extraction_job ADD COLUMN traceparent text;
COMMENT ON COLUMN extraction_job.traceparent IS 'W3C traceparent of the article-service write behind this job; NULL when untraced';
