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

-- name: provenance
-- Rows of every table by provenance (real / illustrative / derived), counted by the build.
SELECT table_name, provenance, rows FROM build_provenance ORDER BY table_name, provenance;

-- name: build_info
-- When the database was built from data/.
SELECT built_at FROM build_info;

-- name: assumed_dates
-- Notices whose first day is assumed (推定), with the reason.
SELECT notice_id, title, doc_number, effective_from, effective_from_note FROM fw_notices WHERE effective_from_assumed ORDER BY effective_from;

-- name: undrawn_zones
-- Units where a notice's zones were not (all) found, so they could not be digitised.
SELECT c.notice_id, n.title, n.doc_number, u.name AS unit_name, c.zones_status, c.note
FROM fw_notice_coverage c JOIN fw_notices n USING (notice_id) JOIN units u ON u.code = c.unit_code
WHERE c.zones_status <> 'drawn' ORDER BY n.effective_from, c.unit_code;

-- name: extrapolated_targets
-- Targets that are not official (extrapolated from an official one), by indicator.
SELECT indicator_name, min(target_year) AS first_year, max(target_year) AS last_year, any_value(source) AS source
FROM bz_targets WHERE provenance <> 'real' GROUP BY indicator_name ORDER BY indicator_name;
