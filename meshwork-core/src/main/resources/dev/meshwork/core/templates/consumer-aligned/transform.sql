-- {{domain}}.{{name}}: one row per customer, joining the inputs `customers` and `orders`.
SELECT
    c.customer_id,
    count(o.order_id)::BIGINT                AS order_count,
    coalesce(sum(o.total_cents), 0)::BIGINT  AS total_cents,
    max(o.created_date)                      AS last_order_date
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.customer_id
GROUP BY c.customer_id
