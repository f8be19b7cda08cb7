-- Campaign performance: one row per campaign and day from its start date to its end date
-- (or today). Views are product views tagged with the campaign's utm_campaign; orders and
-- revenue are those of the tenant running the campaign, on that day.
WITH campaigns AS (
    SELECT
        lower(trim(campaign_id))     AS campaign_id,
        CAST(tenant_id AS UUID)      AS tenant_id,
        CAST(start_date AS DATE)     AS start_date,
        CAST(end_date AS DATE)       AS end_date
    FROM campaigns_sheet.campaigns
    WHERE campaign_id IS NOT NULL
),
campaign_days AS (
    SELECT campaign_id, tenant_id, CAST(d AS DATE) AS day
    FROM (
        SELECT
            campaign_id,
            tenant_id,
            unnest(generate_series(CAST(start_date AS TIMESTAMP),
                                   CAST(least(end_date, current_date) AS TIMESTAMP),
                                   INTERVAL 1 DAY)) AS d
        FROM campaigns
    )
),
daily_views AS (
    SELECT campaign_id, CAST(viewed_at AS DATE) AS day, count(*) AS views
    FROM product_views
    WHERE campaign_id IS NOT NULL
    GROUP BY 1, 2
),
tenant_orders AS (
    SELECT tenant_id, created_date AS day, count(*) AS orders, sum(total_cents) AS revenue_cents
    FROM orders
    WHERE status IS DISTINCT FROM 'CANCELLED'
    GROUP BY 1, 2
)
SELECT
    cd.campaign_id,
    cd.day,
    CAST(coalesce(v.views, 0) AS BIGINT)          AS views,
    CAST(coalesce(o.orders, 0) AS BIGINT)         AS orders,
    CAST(coalesce(o.revenue_cents, 0) AS BIGINT)  AS revenue_cents,
    CAST(CASE WHEN coalesce(v.views, 0) = 0 THEN 0
              ELSE coalesce(o.orders, 0) / v.views
         END AS DOUBLE)                           AS conversion_rate
FROM campaign_days AS cd
LEFT JOIN daily_views   AS v ON v.campaign_id = cd.campaign_id AND v.day = cd.day
LEFT JOIN tenant_orders AS o ON o.tenant_id = cd.tenant_id AND o.day = cd.day
