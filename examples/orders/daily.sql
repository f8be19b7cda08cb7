-- Orders — Daily Summary: one row per order, with its number of line items.
-- Adapted from the domain team's original pipeline (orders_daily_summary.py).
-- The platform builds one created_date partition at a time (transform.partitionBy).
SELECT
    CAST(o.id AS UUID)              AS order_id,
    CAST(o.tenant_id AS UUID)       AS tenant_id,
    upper(o.status)                 AS status,
    CAST(o.total_cents AS BIGINT)   AS total_cents,
    CAST(count(oi.id) AS INTEGER)   AS item_count,
    CAST(o.created_at AS DATE)      AS created_date
FROM orders_db.orders AS o
LEFT JOIN orders_db.order_items AS oi ON oi.order_id = o.id
GROUP BY o.id, o.tenant_id, o.status, o.total_cents, CAST(o.created_at AS DATE)
