-- Revenue by tenant: monthly totals per tenant from orders.daily.
-- Net revenue = all orders placed in the month minus the cancelled ones.
SELECT
    tenant_id,
    CAST(date_trunc('month', created_date) AS DATE)     AS month,
    CAST(count(*) AS BIGINT)                            AS order_count,
    CAST(coalesce(sum(total_cents), 0) AS BIGINT)       AS gross_revenue_cents,
    CAST(coalesce(sum(total_cents) FILTER (WHERE status = 'CANCELLED'), 0) AS BIGINT)
                                                        AS cancelled_cents,
    CAST(coalesce(sum(total_cents) FILTER (WHERE status IS DISTINCT FROM 'CANCELLED'), 0) AS BIGINT)
                                                        AS net_revenue_cents,
    CAST(avg(total_cents) FILTER (WHERE status IS DISTINCT FROM 'CANCELLED') AS DOUBLE)
                                                        AS average_order_cents
FROM orders
GROUP BY 1, 2
