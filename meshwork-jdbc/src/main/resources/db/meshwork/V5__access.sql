-- Access requests and the grants they become once approved. A request is decided in place; nothing
-- is deleted, so rejected, expired and revoked grants stay as history. Portable between H2 2.x and
-- PostgreSQL, like V1.

CREATE TABLE meshwork_access_requests (
  id            VARCHAR(64)                 NOT NULL,
  product       VARCHAR(127)                NOT NULL,
  requester     VARCHAR(63)                 NOT NULL,
  purpose       VARCHAR(2000)               NOT NULL,
  pii           BOOLEAN                     NOT NULL,
  for_team      VARCHAR(63),
  for_product   VARCHAR(127),
  approval      VARCHAR(16)                 NOT NULL,
  status        VARCHAR(16)                 NOT NULL,
  requested_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  expires_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  decided_by    VARCHAR(63),
  decided_at    TIMESTAMP(6) WITH TIME ZONE,
  reason        VARCHAR(2000),
  revoked_at    TIMESTAMP(6) WITH TIME ZONE,
  CONSTRAINT meshwork_access_requests_pk PRIMARY KEY (id),
  CONSTRAINT meshwork_access_requests_status CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'REVOKED'))
);

CREATE INDEX meshwork_access_requests_by_product ON meshwork_access_requests (product, status);
CREATE INDEX meshwork_access_requests_by_requester ON meshwork_access_requests (requester, requested_at);
