-- Statements run once at the end of the build, in order (tables and macros derived from the sources).

-- name: cat_freshness_rules
-- HDX data-freshness thresholds in days per update cycle: up to date ≤ fresh_max, due ≤ due_max, overdue ≤ overdue_max, then delinquent.
CREATE TABLE cat_freshness_rules AS
SELECT * FROM (VALUES
    ('实时', 1, 2, 3), ('每日', 1, 2, 3), ('每周', 7, 14, 21), ('每月', 30, 44, 60),
    ('每季度', 90, 120, 150), ('每年', 365, 425, 455)
) AS t(update_cycle, fresh_max, due_max, overdue_max);

-- name: cat_search
-- One searchable text per entry: name, summary, provider and every data item's name.
CREATE TABLE cat_search AS
SELECT e.resource_code,
       lower(concat_ws(' ', e.name, e.summary, e.provider, e.resource_code, string_agg(i.item_name, ' '))) AS search_text,
       count(i.item_no) AS items
FROM cat_entries e LEFT JOIN cat_items i USING (resource_code)
GROUP BY e.resource_code, e.name, e.summary, e.provider;

-- name: cat_scored_macro
-- Entries with their freshness on a given as-of date (不定期: 不适用, not assessed).
CREATE MACRO cat_scored(as_of) AS TABLE
SELECT e.*, s.search_text, s.items, date_diff('day', e.last_updated_on, as_of::DATE) AS age_days,
       CASE WHEN r.update_cycle IS NULL THEN '不适用'
            WHEN date_diff('day', e.last_updated_on, as_of::DATE) <= r.fresh_max THEN '及时'
            WHEN date_diff('day', e.last_updated_on, as_of::DATE) <= r.due_max THEN '待更新'
            WHEN date_diff('day', e.last_updated_on, as_of::DATE) <= r.overdue_max THEN '逾期'
            ELSE '严重逾期' END AS freshness,
       CASE WHEN e.open_to_public THEN '是' ELSE '否' END AS open_text
FROM cat_entries e JOIN cat_search s USING (resource_code) LEFT JOIN cat_freshness_rules r USING (update_cycle);

-- name: cat_filtered_macro
-- Entries matching a search text and facet selections (an empty list means no filter on that facet).
CREATE MACRO cat_filtered(q, as_of, classes, providers, shares, opens, formats, cycles, fresh) AS TABLE
SELECT * FROM cat_scored(as_of)
WHERE (q = '' OR contains(search_text, lower(q)))
  AND (len(classes) = 0 OR list_contains(classes, class_category))
  AND (len(providers) = 0 OR list_contains(providers, provider))
  AND (len(shares) = 0 OR list_contains(shares, share_type))
  AND (len(opens) = 0 OR list_contains(opens, open_text))
  AND (len(formats) = 0 OR list_contains(formats, format))
  AND (len(cycles) = 0 OR list_contains(cycles, update_cycle))
  AND (len(fresh) = 0 OR list_contains(fresh, freshness));
