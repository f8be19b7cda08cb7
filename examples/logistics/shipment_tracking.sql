-- Shipment tracking: fold the carriers' tracking events into one row per shipment.
-- Each CSV row is one event: event_id, shipment_id, order_id, carrier, status, event_time.
WITH events AS (
    SELECT
        trim(shipment_id)                     AS shipment_id,
        CAST(order_id AS UUID)                AS order_id,
        upper(trim(carrier))                  AS carrier,
        upper(trim(status))                   AS status,
        CAST(event_time AS TIMESTAMPTZ)       AS event_time
    FROM shipping.events
    WHERE shipment_id IS NOT NULL
),
shipments AS (
    SELECT
        shipment_id,
        any_value(order_id)                                  AS order_id,
        arg_max(carrier, event_time)                         AS carrier,
        arg_max(status, event_time)                          AS status,
        min(event_time) FILTER (WHERE status = 'IN_TRANSIT') AS shipped_at,
        max(event_time) FILTER (WHERE status = 'DELIVERED')  AS delivered_at,
        max(event_time)                                      AS last_event_at
    FROM events
    GROUP BY shipment_id
)
SELECT
    shipment_id,
    order_id,
    carrier,
    status,
    shipped_at,
    -- domain logic: the carriers' usual transit time, in days
    CAST(CAST(timezone('UTC', shipped_at) AS DATE)
         + CASE carrier WHEN 'DHL' THEN 2 WHEN 'UPS' THEN 3 WHEN 'FEDEX' THEN 3 ELSE 5 END
         AS DATE)                                            AS estimated_delivery,
    delivered_at,
    last_event_at
FROM shipments
