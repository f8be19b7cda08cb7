-- Identities: teams, users and their API tokens. A token keeps only the SHA-256 of its secret.
-- Nothing is deleted: a token is revoked in place. Portable between H2 2.x and PostgreSQL, like V1.

CREATE TABLE meshwork_teams (
  name        VARCHAR(63)                 NOT NULL,
  created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT meshwork_teams_pk PRIMARY KEY (name)
);

CREATE TABLE meshwork_users (
  name        VARCHAR(63)                 NOT NULL,
  email       VARCHAR(255)                NOT NULL,
  team        VARCHAR(63),
  admin       BOOLEAN                     NOT NULL,
  created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT meshwork_users_pk PRIMARY KEY (name),
  CONSTRAINT meshwork_users_team FOREIGN KEY (team) REFERENCES meshwork_teams (name)
);

CREATE TABLE meshwork_api_tokens (
  id            VARCHAR(64)                 NOT NULL,
  user_name     VARCHAR(63)                 NOT NULL,
  token_hash    CHAR(64)                    NOT NULL,
  created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  expires_at    TIMESTAMP(6) WITH TIME ZONE,
  revoked_at    TIMESTAMP(6) WITH TIME ZONE,
  last_used_at  TIMESTAMP(6) WITH TIME ZONE,
  CONSTRAINT meshwork_api_tokens_pk PRIMARY KEY (id),
  CONSTRAINT meshwork_api_tokens_hash UNIQUE (token_hash),
  CONSTRAINT meshwork_api_tokens_user FOREIGN KEY (user_name) REFERENCES meshwork_users (name),
  CONSTRAINT meshwork_api_tokens_expiry CHECK (expires_at IS NULL OR expires_at > created_at)
);

CREATE INDEX meshwork_api_tokens_by_user ON meshwork_api_tokens (user_name, created_at);
