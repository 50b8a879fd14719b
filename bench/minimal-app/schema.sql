-- The minimal app's one table (Hibernate 6 / Panache defaults: table greeting, sequence greeting_seq by 50).
CREATE TABLE IF NOT EXISTS greeting (id bigint NOT NULL PRIMARY KEY, text varchar(255));
CREATE SEQUENCE IF NOT EXISTS greeting_seq START WITH 1 INCREMENT BY 50;
INSERT INTO greeting (id, text) VALUES (1, 'hello') ON CONFLICT DO NOTHING;
