-- Customer 360: lifetime value, order count and last purchase per customer.
-- orders.daily has the order totals and statuses; the "created" events of orders.events
-- say which customer placed each order.
WITH order_customer AS (
    SELECT order_id, any_value(customer_id) AS customer_id
    FROM order_events
    WHERE event_type = 'created'
    GROUP BY order_id
),
purchases AS (
    SELECT oc.customer_id, d.order_id, d.total_cents, d.created_date
    FROM orders AS d
    JOIN order_customer AS oc ON oc.order_id = d.order_id
    WHERE d.status IS DISTINCT FROM 'CANCELLED'
)
SELECT
    c.customer_id,
    max(p.created_date)                                              AS last_purchase_date,
    CAST(coalesce(sum(p.total_cents), 0) / 100.0 AS DECIMAL(18, 2))  AS lifetime_value,
    CAST(count(p.order_id) AS BIGINT)                                AS order_count,
    c.country
FROM customers AS c
LEFT JOIN purchases AS p ON p.customer_id = c.customer_id
GROUP BY c.customer_id, c.country
