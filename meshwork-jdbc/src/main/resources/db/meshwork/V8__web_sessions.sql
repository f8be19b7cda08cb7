-- The web catalog's sessions, so that they outlive a server and are shared by the servers on one
-- metadata database. A session keeps only the SHA-256 of its id (the browser's cookie holds the id)
-- and of the API token its user logged in with (none before logging in). Ended sessions are
-- deleted. Portable between H2 2.x and PostgreSQL, like V1.

CREATE TABLE meshwork_web_sessions (
  id_hash     VARCHAR(64)                 NOT NULL,
  token_hash  VARCHAR(64),
  csrf        VARCHAR(64)                 NOT NULL,
  expires_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT meshwork_web_sessions_pk PRIMARY KEY (id_hash)
);

CREATE INDEX meshwork_web_sessions_by_expiry ON meshwork_web_sessions (expires_at);
