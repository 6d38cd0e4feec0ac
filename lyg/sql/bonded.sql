-- name: targets
-- Every target with its unit, currency and comparison rule.
SELECT * FROM bz_targets ORDER BY target_year, indicator_code;

-- name: monthly_totals
-- Monthly value per indicator summed over the blocks (each indicator keeps its own unit).
SELECT month, indicator_code, unit, sum(value) AS value, min(provenance) AS provenance
FROM bz_monthly GROUP BY ALL ORDER BY month, indicator_code;

-- name: monthly_by_subzone
-- Year-to-date value per sub-zone and indicator for one year, up to the last month present.
SELECT b.subzone, m.indicator_code, m.unit, sum(m.value) AS value, count(DISTINCT m.month) AS months
FROM bz_monthly m JOIN bz_blocks b USING (block_code)
WHERE year(m.month) = $year
GROUP BY ALL ORDER BY b.subzone, m.indicator_code;

-- name: monthly_table
-- The monthly figures of one year, one row per month and block, indicators as columns.
WITH pivoted AS (
    PIVOT (SELECT m.month, m.block_code, b.name AS block, b.subzone, m.indicator_code, m.value
           FROM bz_monthly m JOIN bz_blocks b USING (block_code) WHERE year(m.month) = $year)
    ON indicator_code IN ('industrial_output', 'logistics_revenue', 'trade_total', 'leading_industry_output') USING sum(value)
)
SELECT * FROM pivoted ORDER BY month, block_code;

-- name: blocks
-- The three blocks with stated and computed areas (geometry as WKB).
SELECT b.block_code, b.name, b.subzone, b.district_code, u.name AS unit_name, b.stated_area_km2, b.area_km2, b.geometry
FROM bz_blocks b JOIN units u ON u.code = b.district_code ORDER BY b.block_code;

-- name: facilities
-- Facilities with planned and built floor area.
SELECT *, CASE WHEN planned_area_m2 > 0 THEN 100 * built_area_m2 / planned_area_m2 END AS built_pct
FROM bz_facilities ORDER BY facility_id;

-- name: platforms
-- Platforms and bases of each sub-zone, and the five service platforms.
SELECT * FROM bz_platforms ORDER BY platform_id;

-- name: milestones
-- Milestones, oldest first.
SELECT * FROM bz_milestones ORDER BY milestone_on;

-- name: enterprises_by_year
-- Enterprises entering per year by ownership, with investment kept in its own currency.
SELECT year(registered_on) AS year, ownership, investment_unit, count(*) AS enterprises, sum(investment) AS investment
FROM bz_enterprises GROUP BY ALL ORDER BY year, ownership;

-- name: last_month
-- The latest month present in the monthly indicators.
SELECT max(month) AS last_month FROM bz_monthly;
