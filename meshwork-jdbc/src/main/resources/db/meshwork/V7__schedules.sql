-- Schedules and monitoring: where each scheduled job stands, so that a restarted server resumes
-- it, and every change of a product's freshness or build health, with when its alert went out.
-- Portable between H2 2.x and PostgreSQL, like V1.

CREATE TABLE meshwork_schedules (
  job          VARCHAR(255)                NOT NULL,
  expression   VARCHAR(255)                NOT NULL,
  since        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  last_run_at  TIMESTAMP(6) WITH TIME ZONE,
  CONSTRAINT meshwork_schedules_pk PRIMARY KEY (job)
);

CREATE TABLE meshwork_state_changes (
  id          VARCHAR(64)                 NOT NULL,
  product     VARCHAR(255)                NOT NULL,
  aspect      VARCHAR(16)                 NOT NULL,
  from_state  VARCHAR(16),
  to_state    VARCHAR(16)                 NOT NULL,
  detail      TEXT,
  changed_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  alerted_at  TIMESTAMP(6) WITH TIME ZONE,
  CONSTRAINT meshwork_state_changes_pk PRIMARY KEY (id),
  CONSTRAINT meshwork_state_changes_aspect CHECK (aspect IN ('FRESHNESS', 'BUILDS')),
  CONSTRAINT meshwork_state_changes_to CHECK (to_state IN ('FRESH', 'LATE', 'PASSING', 'FAILING')),
  CONSTRAINT meshwork_state_changes_from
    CHECK (from_state IS NULL OR from_state IN ('FRESH', 'LATE', 'PASSING', 'FAILING'))
);

CREATE INDEX meshwork_state_changes_by_time ON meshwork_state_changes (changed_at);
CREATE INDEX meshwork_state_changes_by_product ON meshwork_state_changes (product, aspect, changed_at);
