-- Temporary views that put the ingested deltas (Parquet files named by the variable live_files) beside the built
-- tables; lyg/live.py creates them on a read cursor when deltas exist, with $base replaced by the built table's
-- qualified name. The rollups are partial sums: every query that reads them sums again, so base + delta rows add up.

-- name: fw_incidents
-- The built incidents and the ingested ones, as one table.
CREATE OR REPLACE TEMP VIEW fw_incidents AS
SELECT * FROM $base
UNION ALL BY NAME SELECT * FROM read_parquet(getvariable('live_files'));

-- name: fw_daily
-- The daily rollup plus the deltas' partial daily sums.
CREATE OR REPLACE TEMP VIEW fw_daily AS
SELECT * FROM $base
UNION ALL BY NAME
SELECT occurred_at::DATE AS day, type, district_code, zone_id, in_ban_zone, season_year, days_from_chuxi,
       count(*) AS incidents, sum(casualties) AS casualties, sum(fine_yuan) AS fines_yuan
FROM read_parquet(getvariable('live_files')) GROUP BY ALL;

-- name: fw_cells_monthly
-- The monthly map-cell rollup plus the deltas' partial sums.
CREATE OR REPLACE TEMP VIEW fw_cells_monthly AS
SELECT * FROM $base
UNION ALL BY NAME
SELECT date_trunc('month', occurred_at) AS month, type, floor(lon / 0.01::DOUBLE)::BIGINT AS gx, floor(lat / 0.01::DOUBLE)::BIGINT AS gy,
       count(*) AS incidents
FROM read_parquet(getvariable('live_files')) GROUP BY ALL;
