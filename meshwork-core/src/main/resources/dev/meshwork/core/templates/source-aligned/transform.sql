-- {{domain}}.{{name}}: reads the source tables as {{relation}}.<table>.
SELECT
    CAST(id AS VARCHAR)        AS id,
    status,
    CAST(created_at AS DATE)   AS created_date,
    updated_at
FROM {{relation}}.{{name}}
