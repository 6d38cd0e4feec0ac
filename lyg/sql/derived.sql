-- Statements run once at the end of the build, in order (tables and macros derived from the sources).

-- name: cat_freshness_rules
-- HDX data-freshness thresholds in days per update cycle: up to date ≤ fresh_max, due ≤ due_max, overdue ≤ overdue_max, then delinquent.
CREATE TABLE cat_freshness_rules AS
SELECT * FROM (VALUES
    ('实时', 1, 2, 3), ('每日', 1, 2, 3), ('每周', 7, 14, 21), ('每月', 30, 44, 60),
    ('每季度', 90, 120, 150), ('每半年', 182, 212, 242), ('每年', 365, 425, 455)
) AS t(update_cycle, fresh_max, due_max, overdue_max);

-- name: cat_index
-- One wide row per entry for search and facets: metadata, searchable text (name, summary, provider, code and
-- every data item), item count, and the freshness thresholds of its update cycle (no join at query time).
CREATE TABLE cat_index AS
WITH items AS (
    SELECT resource_code, string_agg(item_name, ' ') AS item_text, count(*) AS items FROM cat_items GROUP BY resource_code
)
SELECT e.*, lower(concat_ws(' ', e.name, e.summary, e.provider, e.resource_code, i.item_text)) AS search_text,
       -- what a reader without the right to restricted detail may search: a restricted entry's summary and data
       -- items are not matched, or a search could spell out what they say
       lower(CASE WHEN e.share_type IN ('有条件共享', '不予共享') THEN concat_ws(' ', e.name, e.provider, e.resource_code)
                  ELSE concat_ws(' ', e.name, e.summary, e.provider, e.resource_code, i.item_text) END) AS public_search_text,
       coalesce(i.items, 0) AS items, r.fresh_max, r.due_max, r.overdue_max,
       CASE WHEN e.open_to_public THEN '是' ELSE '否' END AS open_text
FROM cat_entries e LEFT JOIN items i USING (resource_code) LEFT JOIN cat_freshness_rules r USING (update_cycle);

-- name: cat_scored_macro
-- Entries with their age and freshness on a given as-of date (不定期: 不适用, not assessed).
CREATE MACRO cat_scored(as_of) AS TABLE
SELECT *, date_diff('day', last_updated_on, as_of::DATE) AS age_days,
       CASE WHEN fresh_max IS NULL THEN '不适用'
            WHEN date_diff('day', last_updated_on, as_of::DATE) <= fresh_max THEN '及时'
            WHEN date_diff('day', last_updated_on, as_of::DATE) <= due_max THEN '待更新'
            WHEN date_diff('day', last_updated_on, as_of::DATE) <= overdue_max THEN '逾期'
            ELSE '严重逾期' END AS freshness
FROM cat_index;

-- name: cat_filtered_macro
-- Entries matching a search text and facet selections (an empty list means no filter on that facet); full_detail:
-- whether the reader may search restricted entries' summaries and data items.
CREATE MACRO cat_filtered(q, full_detail, as_of, classes, providers, shares, opens, formats, cycles, fresh) AS TABLE
SELECT * FROM cat_scored(as_of)
WHERE (q = '' OR contains(CASE WHEN full_detail THEN search_text ELSE public_search_text END, lower(q)))
  AND (len(classes) = 0 OR list_contains(classes, class_category))
  AND (len(providers) = 0 OR list_contains(providers, provider))
  AND (len(shares) = 0 OR list_contains(shares, share_type))
  AND (len(opens) = 0 OR list_contains(opens, open_text))
  AND (len(formats) = 0 OR list_contains(formats, format))
  AND (len(cycles) = 0 OR list_contains(cycles, update_cycle))
  AND (len(fresh) = 0 OR list_contains(fresh, freshness));

-- name: fw_daily
-- Incidents rolled up by day, type, district and zone (with the day's season and distance from 除夕): every fireworks
-- chart but the map reads this, so their cost does not grow with the number of incidents. tests/test_rollups.py
-- checks that each query answers exactly what the scan of fw_incidents answers.
CREATE TABLE fw_daily AS
SELECT occurred_at::DATE AS day, type, district_code, zone_id, in_ban_zone, season_year, days_from_chuxi,
       count(*) AS incidents, sum(casualties) AS casualties, sum(fine_yuan) AS fines_yuan
FROM fw_incidents GROUP BY ALL ORDER BY day;

-- name: fw_cells_monthly
-- Incidents rolled up by calendar month, type and map cell of 0.01° (fireworks.analysis.CELL_DEG): the incident map
-- reads whole months here, so its cost does not grow with the number of incidents.
CREATE TABLE fw_cells_monthly AS
SELECT date_trunc('month', occurred_at) AS month, type, floor(lon / 0.01::DOUBLE)::BIGINT AS gx, floor(lat / 0.01::DOUBLE)::BIGINT AS gy,
       count(*) AS incidents
FROM fw_incidents GROUP BY ALL ORDER BY month;
