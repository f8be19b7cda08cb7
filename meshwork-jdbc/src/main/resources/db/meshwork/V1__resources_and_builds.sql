-- Meshwork's metadata. Portable between H2 2.x and PostgreSQL; every name starts with meshwork_
-- so that the Iceberg JDBC catalog can share the database.

CREATE TABLE meshwork_resources (
  kind        VARCHAR(32)                 NOT NULL,
  id          VARCHAR(255)                NOT NULL,
  domain      VARCHAR(255),
  document    TEXT                        NOT NULL,
  hash        VARCHAR(128)                NOT NULL,
  generation  INTEGER                     NOT NULL,
  updated_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT meshwork_resources_pk PRIMARY KEY (kind, id)
);

CREATE TABLE meshwork_builds (
  id             VARCHAR(255)                NOT NULL,
  product        VARCHAR(255)                NOT NULL,
  version        VARCHAR(255),
  status         VARCHAR(16)                 NOT NULL,
  stage          VARCHAR(255),
  scope          VARCHAR(255),
  started_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  finished_at    TIMESTAMP(6) WITH TIME ZONE,
  row_count      BIGINT                      NOT NULL,
  byte_count     BIGINT                      NOT NULL,
  snapshot_id    BIGINT,
  quality_score  DOUBLE PRECISION,
  error          TEXT,
  CONSTRAINT meshwork_builds_pk PRIMARY KEY (id),
  CONSTRAINT meshwork_builds_status CHECK (status IN ('RUNNING', 'PUBLISHED', 'FAILED', 'INTERRUPTED'))
);

CREATE INDEX meshwork_builds_by_product ON meshwork_builds (product, started_at);
CREATE INDEX meshwork_builds_by_status ON meshwork_builds (status);

-- children of a build, in the order the build lists them (seq from 0); deleted with it
CREATE TABLE meshwork_build_inputs (
  build_id     VARCHAR(255) NOT NULL,
  seq          INTEGER      NOT NULL,
  input        VARCHAR(255),
  source       VARCHAR(255),
  table_name   VARCHAR(255),
  product      VARCHAR(255),
  version      VARCHAR(255),
  snapshot_id  BIGINT,
  row_count    BIGINT       NOT NULL,
  CONSTRAINT meshwork_build_inputs_pk PRIMARY KEY (build_id, seq),
  CONSTRAINT meshwork_build_inputs_build FOREIGN KEY (build_id) REFERENCES meshwork_builds (id) ON DELETE CASCADE
);

CREATE TABLE meshwork_quality_results (
  build_id      VARCHAR(255)  NOT NULL,
  seq           INTEGER       NOT NULL,
  rule          VARCHAR(255),
  column_name   VARCHAR(255),
  severity      VARCHAR(16),
  passed        BOOLEAN       NOT NULL,
  measured      VARCHAR(1000),
  threshold     VARCHAR(1000),
  failing_rows  TEXT,
  CONSTRAINT meshwork_quality_results_pk PRIMARY KEY (build_id, seq),
  CONSTRAINT meshwork_quality_results_build FOREIGN KEY (build_id) REFERENCES meshwork_builds (id) ON DELETE CASCADE
);
