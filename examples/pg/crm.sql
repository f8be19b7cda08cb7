-- CRM database ("crm"): the table that the crm source reads (customers.profile).
CREATE SCHEMA IF NOT EXISTS public;

CREATE TABLE IF NOT EXISTS public.customers (
    id            uuid        PRIMARY KEY,
    tenant_id     uuid        NOT NULL,
    email         text        NOT NULL,
    first_name    text,
    last_name     text,
    country_code  char(2),                        -- ISO-3166 alpha-2
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    deleted_at    timestamptz                     -- soft delete: excluded from customers.profile
);
CREATE UNIQUE INDEX IF NOT EXISTS customers_tenant_email_idx ON public.customers (tenant_id, lower(email));
