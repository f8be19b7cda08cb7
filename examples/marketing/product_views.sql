-- Ecommerce product views: page views of product pages (/products/<id>), without bots,
-- each event counted once, with the campaign read from the utm_campaign parameter.
WITH page_views AS (
    SELECT
        event_id,
        user_id,
        url,
        CAST(event_ts AS TIMESTAMP) AS viewed_at,
        row_number() OVER (PARTITION BY event_id ORDER BY event_ts) AS copy
    FROM clickstream.events
    WHERE event_type = 'page_view'
      AND user_id IS NOT NULL
      AND NOT regexp_matches(coalesce(user_agent, ''), '(?i)(bot|crawler|spider)')
)
SELECT
    regexp_extract(url, '/products/([A-Za-z0-9_-]+)', 1)                      AS product_id,
    CAST(user_id AS VARCHAR)                                                   AS user_id,
    viewed_at,
    url                                                                        AS page_url,
    nullif(lower(regexp_extract(url, '[?&]utm_campaign=([A-Za-z0-9_-]+)', 1)), '') AS campaign_id
FROM page_views
WHERE copy = 1
  AND regexp_matches(url, '/products/[A-Za-z0-9_-]+')
