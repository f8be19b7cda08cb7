-- Customer profile: one row per customer that has not been deleted in the CRM.
-- The platform encrypts email and masks full_name before the data is published.
SELECT
    CAST(c.id AS UUID)                                 AS customer_id,
    CAST(c.tenant_id AS UUID)                          AS tenant_id,
    lower(trim(c.email))                               AS email,
    nullif(trim(concat_ws(' ', c.first_name, c.last_name)), '') AS full_name,
    upper(nullif(trim(c.country_code), ''))            AS country,
    CAST(c.created_at AS DATE)                         AS signup_date
FROM crm.customers AS c
WHERE c.deleted_at IS NULL
