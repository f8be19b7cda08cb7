-- Governance records: policy results (append-only) and waivers (never deleted, revoked in place).
-- Portable between H2 2.x and PostgreSQL, like V1.

CREATE TABLE meshwork_policy_results (
  id             VARCHAR(255)                NOT NULL,
  policy         VARCHAR(255)                NOT NULL,
  resource_kind  VARCHAR(32)                 NOT NULL,
  resource_id    VARCHAR(255)                NOT NULL,
  event          VARCHAR(16)                 NOT NULL,
  outcome        VARCHAR(16)                 NOT NULL,
  message        TEXT,
  waiver_id      VARCHAR(255),
  evaluated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT meshwork_policy_results_pk PRIMARY KEY (id),
  CONSTRAINT meshwork_policy_results_event CHECK (event IN ('apply', 'build', 'access')),
  CONSTRAINT meshwork_policy_results_outcome
    CHECK (outcome IN ('PASSED', 'FAILED', 'WARNED', 'WAIVED', 'SKIPPED'))
);

CREATE INDEX meshwork_policy_results_by_time ON meshwork_policy_results (evaluated_at);
CREATE INDEX meshwork_policy_results_by_resource ON meshwork_policy_results (resource_id, evaluated_at);

CREATE TABLE meshwork_waivers (
  id             VARCHAR(255)                NOT NULL,
  policy         VARCHAR(255)                NOT NULL,
  resource_kind  VARCHAR(32)                 NOT NULL,
  resource_id    VARCHAR(255)                NOT NULL,
  justification  TEXT                        NOT NULL,
  granted_by     VARCHAR(255)                NOT NULL,
  granted_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  expires_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  revoked_at     TIMESTAMP(6) WITH TIME ZONE,
  CONSTRAINT meshwork_waivers_pk PRIMARY KEY (id),
  CONSTRAINT meshwork_waivers_expiry CHECK (expires_at > granted_at)
);

CREATE INDEX meshwork_waivers_by_target ON meshwork_waivers (policy, resource_kind, resource_id);
CREATE INDEX meshwork_waivers_by_grant ON meshwork_waivers (granted_at);
