-- Retention runs: every expiry of a product's old data, whatever triggered it (append-only).
-- Portable between H2 2.x and PostgreSQL, like V1.

CREATE TABLE meshwork_retention_runs (
  id          VARCHAR(255)                NOT NULL,
  product     VARCHAR(255)                NOT NULL,
  cutoff      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  snapshots   INTEGER                     NOT NULL,
  partitions  INTEGER                     NOT NULL,
  files       INTEGER                     NOT NULL,
  run_trigger VARCHAR(16)                 NOT NULL,
  error       TEXT,
  ran_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT meshwork_retention_runs_pk PRIMARY KEY (id),
  CONSTRAINT meshwork_retention_runs_trigger CHECK (run_trigger IN ('build', 'manual', 'schedule')),
  CONSTRAINT meshwork_retention_runs_counts CHECK (snapshots >= 0 AND partitions >= 0 AND files >= 0)
);

CREATE INDEX meshwork_retention_runs_by_time ON meshwork_retention_runs (ran_at);
CREATE INDEX meshwork_retention_runs_by_product ON meshwork_retention_runs (product, ran_at);
