-- name: notices
-- Every notice, oldest first, with its zone count and total zone area.
WITH zone_totals AS (
    SELECT notice_id, count(*) AS zones, sum(area_km2) AS zone_area_km2 FROM fw_zones GROUP BY notice_id
), final AS (
    SELECT n.*, coalesce(z.zones, 0) AS zones, coalesce(z.zone_area_km2, 0) AS zone_area_km2
    FROM fw_notices n LEFT JOIN zone_totals z USING (notice_id)
)
SELECT * FROM final ORDER BY effective_from;

-- name: zones
-- All ban zones with their notice's dates and time rule (geometry as WKB).
SELECT z.zone_id, z.notice_id, z.district_code, u.name AS unit_name, z.name, z.roads, z.approximate,
       z.area_km2, z.geometry, n.effective_from, n.effective_to, n.time_rule
FROM fw_zones z JOIN fw_notices n USING (notice_id) JOIN units u ON u.code = z.district_code
ORDER BY z.zone_id;

-- name: places
-- Always-banned places (Article 30 categories and the places the notices list), with the notices listing each.
SELECT place_id, name, category, legal_basis, district_code, listed_by, approximate, provenance, area_km2, geometry
FROM fw_places ORDER BY place_id;

-- name: coverage
-- How far each notice's zones could be digitised in each unit (drawn / partial / not_found), with the reason.
SELECT c.notice_id, c.unit_code, u.name AS unit_name, c.zones_status, c.note, c.provenance, c.source
FROM fw_notice_coverage c JOIN units u ON u.code = c.unit_code ORDER BY c.notice_id, c.unit_code;

-- name: statistics
-- Totals stated at the press conference (real), as stated ("30余起") with their lower bound and source.
SELECT stat_id, year_from, year_to, area, type, stated, count_at_least, provenance, source
FROM fw_statistics ORDER BY stat_id;

-- name: incident_range
-- First and last incident time.
SELECT min(occurred_at) AS first_at, max(occurred_at) AS last_at FROM fw_incidents;

-- name: incident_grid
-- Incidents in square cells of $cell degrees in [$start, $end), for the map (the browser never gets points): the whole
-- months [$first_month, $end_month) from the monthly cell rollup, the days before and after them from the incidents.
-- $cell is the rollup's cell (fireworks.analysis.CELL_DEG); tests/test_rollups.py checks this against a scan.
WITH counted AS (
    SELECT gx, gy, incidents FROM fw_cells_monthly
    WHERE month >= $first_month AND month < $end_month AND list_contains($types, type)
    UNION ALL
    SELECT floor(lon / $cell)::BIGINT, floor(lat / $cell)::BIGINT, 1 FROM fw_incidents
    WHERE occurred_at >= $start AND occurred_at < least($first_month, $end) AND list_contains($types, type)
    UNION ALL
    SELECT floor(lon / $cell)::BIGINT, floor(lat / $cell)::BIGINT, 1 FROM fw_incidents
    WHERE occurred_at >= greatest($end_month, $start) AND occurred_at < $end AND list_contains($types, type)
), final AS (
    SELECT gx, gy, sum(incidents)::BIGINT AS incidents FROM counted GROUP BY ALL
)
SELECT gx * $cell AS lon0, gy * $cell AS lat0, incidents FROM final ORDER BY incidents DESC;

-- name: by_year_type
-- Incidents per calendar year and type (from the daily rollup).
SELECT year(day) AS year, type, sum(incidents)::BIGINT AS incidents, sum(casualties)::BIGINT AS casualties,
       sum(fines_yuan) AS fines_yuan
FROM fw_daily WHERE list_contains($types, type)
GROUP BY ALL ORDER BY year, type;

-- name: season_profile
-- Incidents per day around 除夕 (days -$window..+$window), per Spring-Festival year.
SELECT season_year, days_from_chuxi, sum(incidents)::BIGINT AS incidents
FROM fw_daily
WHERE abs(days_from_chuxi) <= $window AND list_contains($types, type)
GROUP BY ALL ORDER BY season_year, days_from_chuxi;

-- name: by_district
-- Incidents per district and type within a period of whole days [$start, $end) (from the daily rollup).
SELECT u.name AS district, f.district_code, f.type, sum(f.incidents)::BIGINT AS incidents
FROM fw_daily f JOIN units u ON u.code = f.district_code
WHERE f.day >= $start::DATE AND f.day < $end::DATE AND list_contains($types, f.type)
GROUP BY ALL ORDER BY district, type;

-- name: inside_outside
-- Incidents in urban districts in each Spring-Festival season (±$window days of 除夕), inside versus outside the zones then in force.
SELECT season_year, in_ban_zone, sum(incidents)::BIGINT AS incidents
FROM fw_daily
WHERE list_contains($types, type) AND district_code IN ('320703', '320706', '320707')
  AND abs(days_from_chuxi) <= $window
GROUP BY ALL ORDER BY season_year, in_ban_zone;

-- name: survey
-- The 2018 risk-assessment survey.
SELECT * FROM fw_survey ORDER BY share_pct DESC;

-- name: zone_growth
-- Area per notice, share of the urban area, and population covered (estimated from district density).
WITH urban AS (
    SELECT sum(area_km2) AS urban_km2 FROM units WHERE kind = '县区' AND in_urban_area
), density AS (
    SELECT u.code, coalesce(p.population_2020, u.population_2020) / coalesce(p.area_km2, u.area_km2) AS per_km2
    FROM units u LEFT JOIN units p ON p.code = u.parent_code
), covered AS (
    SELECT z.notice_id, sum(z.area_km2) AS zone_km2, sum(z.area_km2 * d.per_km2) AS population
    FROM fw_zones z JOIN density d ON d.code = z.district_code GROUP BY z.notice_id
), final AS (
    SELECT n.notice_id, n.title, n.doc_number, n.effective_from, c.zone_km2,
           100 * c.zone_km2 / urban.urban_km2 AS urban_share_pct, c.population
    FROM fw_notices n JOIN covered c USING (notice_id), urban
)
SELECT * FROM final ORDER BY effective_from;

-- name: season_counts
-- Incidents within ±$window days of 除夕 per Spring-Festival season, optionally for one district ('' = all).
SELECT season_year, sum(incidents)::BIGINT AS incidents
FROM fw_daily
WHERE abs(days_from_chuxi) <= $window AND ($district = '' OR district_code = $district)
GROUP BY ALL ORDER BY season_year;

-- name: zone_season_counts
-- Incidents per ban zone and Spring-Festival season (±$window days of 除夕), with the zone's name and unit.
SELECT i.zone_id, z.name AS zone_name, z.district_code, u.parent_code, i.season_year, sum(i.incidents)::BIGINT AS incidents
FROM fw_daily i JOIN fw_zones z USING (zone_id) JOIN units u ON u.code = z.district_code
WHERE abs(i.days_from_chuxi) <= $window
GROUP BY ALL ORDER BY i.zone_id, i.season_year;

-- name: latest_reports
-- The latest incidents, newest first, with where they fell: district, zone, inside a zone (NULL: unknown) and banned.
-- The newest rows are taken first and only they are joined (joining 10 M rows to sort them took 0.3 s).
SELECT i.occurred_at, i.type, u.name AS district, z.name AS zone, i.in_ban_zone, i.banned, i.provenance
FROM (SELECT occurred_at, type, district_code, zone_id, in_ban_zone, banned, provenance
      FROM fw_incidents ORDER BY occurred_at DESC LIMIT $limit) i
JOIN units u ON u.code = i.district_code LEFT JOIN fw_zones z USING (zone_id)
ORDER BY i.occurred_at DESC;

-- name: count_between
-- Incidents in [$start, $end).
SELECT count(*) AS incidents FROM fw_incidents WHERE occurred_at >= $start AND occurred_at < $end;

-- name: count_by_district_between
-- Incidents per district in [$start, $end).
SELECT district_code, count(*) AS incidents FROM fw_incidents WHERE occurred_at >= $start AND occurred_at < $end GROUP BY ALL;

-- name: known_ids
-- Which of these incident ids are already stored (built or ingested): ingest counts them as duplicates.
SELECT incident_id FROM fw_incidents WHERE list_contains($ids, incident_id);

-- name: recent_points
-- The newest incidents in [$start, $end], newest first, at most $limit: the live map's points.
SELECT occurred_at, type, lon, lat, banned FROM fw_incidents
WHERE occurred_at >= $start AND occurred_at <= $end ORDER BY occurred_at DESC LIMIT $limit;
