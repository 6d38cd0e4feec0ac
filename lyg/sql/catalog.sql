-- name: as_of
-- The catalog's as-of date: the latest update recorded.
SELECT max(last_updated_on) AS as_of FROM cat_entries;

-- name: search
-- One page of entries matching the search and the facets, newest update first.
SELECT resource_code, name, provider, class_category, share_type, open_text, format, update_cycle,
       last_updated_on, freshness, age_days, items
FROM cat_filtered($q, $full_detail, $as_of, $classes, $providers, $shares, $opens, $formats, $cycles, $fresh)
ORDER BY last_updated_on DESC, resource_code
LIMIT $limit OFFSET $offset;

-- name: export
-- Every entry of the current view with its full metadata (for CSV / Excel export).
SELECT resource_code AS 信息资源代码, name AS 信息资源名称, class_category AS 类, class_item AS 项, class_target AS 目,
       provider AS 信息资源提供方, provider_code AS 提供方代码, summary AS 信息资源摘要,
       format || coalesce('（' || format_detail || '）', '') AS 信息资源格式,
       share_type AS 共享类型, share_condition AS 共享条件,
       share_method || coalesce('（' || share_method_detail || '）', '') AS 共享方式, open_text AS 是否向社会开放,
       open_condition AS 开放条件, update_cycle AS 更新周期, published_on AS 发布日期, last_updated_on AS 最近更新日期,
       related_codes AS 关联资源代码, freshness AS 时效状态, provenance
FROM cat_filtered($q, $full_detail, $as_of, $classes, $providers, $shares, $opens, $formats, $cycles, $fresh)
ORDER BY resource_code;

-- name: count
-- How many entries match.
SELECT count(*) AS n FROM cat_filtered($q, $full_detail, $as_of, $classes, $providers, $shares, $opens, $formats, $cycles, $fresh);

-- name: facets
-- Counts per value of every facet; each facet is counted with all the other selections applied, not its own.
SELECT 'class' AS facet, class_category AS value, count(*) AS n
  FROM cat_filtered($q, $full_detail, $as_of, []::VARCHAR[], $providers, $shares, $opens, $formats, $cycles, $fresh) GROUP BY ALL
UNION ALL SELECT 'provider', provider, count(*)
  FROM cat_filtered($q, $full_detail, $as_of, $classes, []::VARCHAR[], $shares, $opens, $formats, $cycles, $fresh) GROUP BY ALL
UNION ALL SELECT 'share', share_type, count(*)
  FROM cat_filtered($q, $full_detail, $as_of, $classes, $providers, []::VARCHAR[], $opens, $formats, $cycles, $fresh) GROUP BY ALL
UNION ALL SELECT 'open', open_text, count(*)
  FROM cat_filtered($q, $full_detail, $as_of, $classes, $providers, $shares, []::VARCHAR[], $formats, $cycles, $fresh) GROUP BY ALL
UNION ALL SELECT 'format', format, count(*)
  FROM cat_filtered($q, $full_detail, $as_of, $classes, $providers, $shares, $opens, []::VARCHAR[], $cycles, $fresh) GROUP BY ALL
UNION ALL SELECT 'cycle', update_cycle, count(*)
  FROM cat_filtered($q, $full_detail, $as_of, $classes, $providers, $shares, $opens, $formats, []::VARCHAR[], $fresh) GROUP BY ALL
UNION ALL SELECT 'fresh', freshness, count(*)
  FROM cat_filtered($q, $full_detail, $as_of, $classes, $providers, $shares, $opens, $formats, $cycles, []::VARCHAR[]) GROUP BY ALL
ORDER BY facet, n DESC, value;

-- name: headline
-- The leader's figures: entries, share of each sharing type, open share, overdue and delinquent counts.
SELECT count(*) AS entries,
       100.0 * count(*) FILTER (share_type = '无条件共享') / count(*) AS unconditional_pct,
       100.0 * count(*) FILTER (share_type = '有条件共享') / count(*) AS conditional_pct,
       100.0 * count(*) FILTER (share_type = '不予共享') / count(*) AS not_shared_pct,
       100.0 * count(*) FILTER (open_to_public) / count(*) AS open_pct,
       count(*) FILTER (freshness = '逾期') AS overdue,
       count(*) FILTER (freshness = '严重逾期') AS delinquent,
       100.0 * count(*) FILTER (freshness = '及时') / nullif(count(*) FILTER (freshness <> '不适用'), 0) AS fresh_pct
FROM cat_scored($as_of);

-- name: scorecard
-- Per department: size, sharing, openness, freshness; the stalest departments first.
SELECT provider AS department, provider_code, count(*) AS entries,
       100.0 * count(*) FILTER (share_type = '无条件共享') / count(*) AS unconditional_pct,
       100.0 * count(*) FILTER (open_to_public) / count(*) AS open_pct,
       100.0 * count(*) FILTER (freshness = '及时') / nullif(count(*) FILTER (freshness <> '不适用'), 0) AS fresh_pct,
       count(*) FILTER (freshness = '逾期') AS overdue,
       count(*) FILTER (freshness = '严重逾期') AS delinquent,
       avg(items) AS items_per_entry
FROM cat_scored($as_of)
GROUP BY ALL ORDER BY delinquent DESC, overdue DESC, department;

-- name: freshness_by_cycle
-- Entries per update cycle and freshness status.
SELECT update_cycle, freshness, count(*) AS entries FROM cat_scored($as_of) GROUP BY ALL ORDER BY update_cycle, freshness;

-- name: entry
-- One entry's full metadata and freshness.
SELECT * EXCLUDE (search_text, fresh_max, due_max, overdue_max) FROM cat_scored($as_of) WHERE resource_code = $code;

-- name: entry_items
-- The data items of one entry.
SELECT item_no, item_name, data_type FROM cat_items WHERE resource_code = $code ORDER BY item_no;

-- name: related
-- Entries named in one entry's related codes, and entries that name it.
WITH named AS (
    SELECT unnest(string_split(related_codes, ';')) AS code FROM cat_entries WHERE resource_code = $code
), final AS (
    SELECT 'named by this entry' AS direction, n.code AS resource_code, e.name, e.provider, e.resource_code IS NULL AS dangling
    FROM named n LEFT JOIN cat_entries e ON e.resource_code = n.code WHERE n.code <> ''
    UNION ALL
    SELECT 'names this entry', e.resource_code, e.name, e.provider, false
    FROM cat_entries e WHERE list_contains(string_split(e.related_codes, ';'), $code)
)
SELECT * FROM final ORDER BY direction, resource_code;

-- name: quality
-- Entries breaking the national guide: malformed codes, class digit not matching the class, missing
-- required fields, dangling related codes. problem is a fixed phrase (translated by the UI); detail the offending value.
WITH codes AS (
    SELECT resource_code, name, provider, class_category, summary, share_type, share_condition, share_method, related_codes,
           regexp_full_match(resource_code, '[1-3][0-9]{2}[0-9]{3}[0-9]*/[0-9]+') AS well_formed
    FROM cat_entries
), related AS (
    SELECT c.resource_code, r.code
    FROM codes c, unnest(string_split(c.related_codes, ';')) AS r(code)
    WHERE r.code <> '' AND r.code NOT IN (SELECT resource_code FROM cat_entries)
), final AS (
    SELECT resource_code, name, provider, '代码格式不符（类1位+项2位+目3位+细目/顺序码）' AS problem, NULL AS detail FROM codes WHERE NOT well_formed
    UNION ALL SELECT resource_code, name, provider, '分类代码首位与“类”不一致', NULL FROM codes
        WHERE well_formed AND left(resource_code, 1) <> CASE class_category WHEN '基础信息资源' THEN '1' WHEN '主题信息资源' THEN '2' ELSE '3' END
    UNION ALL SELECT resource_code, name, provider, '缺少信息资源摘要', NULL FROM codes WHERE summary IS NULL OR trim(summary) = ''
    UNION ALL SELECT resource_code, name, provider, '有条件共享但未写明共享条件', NULL FROM codes
        WHERE share_type = '有条件共享' AND (share_condition IS NULL OR trim(share_condition) = '')
    UNION ALL SELECT resource_code, name, provider, '可共享但未写明共享方式', NULL FROM codes
        WHERE share_type <> '不予共享' AND (share_method IS NULL OR trim(share_method) = '')
    UNION ALL SELECT r.resource_code, c.name, c.provider, '关联资源代码不存在', r.code FROM related r JOIN codes c USING (resource_code)
)
SELECT f.*, c.share_type FROM final f JOIN codes c USING (resource_code) ORDER BY problem, resource_code;
