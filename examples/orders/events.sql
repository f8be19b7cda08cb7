-- Order lifecycle events, enriched with the order's tenant, customer and amount
-- (the "order_enrichment_pipeline"): created / shipped / delivered come from the orders
-- database, paid comes from the payments API's captured payments.
WITH lifecycle AS (
    SELECT
        CAST(e.id AS UUID)                  AS event_id,
        CAST(o.id AS UUID)                  AS order_id,
        CAST(o.tenant_id AS UUID)           AS tenant_id,
        CAST(o.customer_id AS UUID)         AS customer_id,
        lower(e.event_type)                 AS event_type,
        upper(e.status)                     AS status,
        CAST(o.total_cents AS BIGINT)       AS amount_cents,
        upper(o.currency)                   AS currency,
        CAST(NULL AS VARCHAR)               AS payment_method,
        CAST(e.occurred_at AS TIMESTAMPTZ)  AS occurred_at
    FROM orders_db.order_events AS e
    JOIN orders_db.orders AS o ON o.id = e.order_id
    WHERE lower(e.event_type) IN ('created', 'shipped', 'delivered')
),
paid AS (
    SELECT
        CAST(p.payment_id AS UUID)          AS event_id,
        CAST(o.id AS UUID)                  AS order_id,
        CAST(o.tenant_id AS UUID)           AS tenant_id,
        CAST(o.customer_id AS UUID)         AS customer_id,
        'paid'                              AS event_type,
        'CONFIRMED'                         AS status,
        CAST(p.amount_cents AS BIGINT)      AS amount_cents,
        upper(p.currency)                   AS currency,
        lower(p.method)                     AS payment_method,
        CAST(p.captured_at AS TIMESTAMPTZ)  AS occurred_at
    FROM payments_api.payments AS p
    JOIN orders_db.orders AS o ON o.id = CAST(p.order_id AS UUID)
    WHERE p.status = 'captured'
),
all_events AS (
    SELECT * FROM lifecycle
    UNION ALL
    SELECT * FROM paid
)
SELECT
    event_id,
    order_id,
    tenant_id,
    customer_id,
    event_type,
    status,
    amount_cents,
    currency,
    payment_method,
    occurred_at,
    CAST(timezone('UTC', occurred_at) AS DATE) AS event_date
FROM all_events
