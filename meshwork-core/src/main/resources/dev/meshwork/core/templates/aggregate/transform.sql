-- {{domain}}.{{name}}: one row per day, from the upstream product read as {{upstream}}.
SELECT
    CAST(created_date AS DATE) AS day,
    count(*)::BIGINT           AS events
FROM {{upstream}}
GROUP BY 1
