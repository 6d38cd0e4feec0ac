-- name: as_of
-- The "as of" date of each domain: the latest period present in its data.
SELECT 'fireworks' AS domain, max(occurred_at)::DATE AS as_of FROM fw_incidents
UNION ALL SELECT 'bonded', last_day(max(month)) FROM bz_monthly
UNION ALL SELECT 'catalog', max(last_updated_on) FROM cat_entries
UNION ALL SELECT 'digital', last_day(max(month)) FROM dg_progress
UNION ALL SELECT 'legislation', max(end_on) FROM leg_events;

-- name: table_rows
-- Row counts and source files of every table, from the build.
SELECT table_name, file, rows, sha256 FROM build_sources ORDER BY table_name;

-- name: units
-- Districts and functional zones with their geometry (WKB), area and centre.
SELECT code, name, kind, parent_code, in_urban_area, population_2020, population_provenance,
       approximate, area_km2, centroid_lon, centroid_lat, geometry
FROM units ORDER BY kind, code;
