-- name: components
-- The seven framework components ("4个一 + 3中心").
SELECT * FROM dg_components ORDER BY component_code;

-- name: projects_latest
-- Each project with its latest progress record on or before $as_of.
WITH latest AS (
    SELECT *, row_number() OVER (PARTITION BY project_code ORDER BY month DESC) AS rn
    FROM dg_progress WHERE month <= $as_of
), final AS (
    SELECT p.*, s.name AS system_name, l.month AS progress_month,
           coalesce(l.planned_pct, 0) AS planned_pct, coalesce(l.actual_pct, 0) AS actual_pct, coalesce(l.spent_wan, 0) AS spent_wan
    FROM dg_projects p JOIN dg_systems s USING (system_code) LEFT JOIN latest l ON l.project_code = p.project_code AND l.rn = 1
)
SELECT * FROM final ORDER BY project_code;

-- name: indicators
-- Evaluation indicators with baseline (2018), yearly targets and actuals.
SELECT * FROM dg_indicators ORDER BY indicator_code, year;

-- name: as_of
-- The latest progress month (end of month).
SELECT last_day(max(month)) AS as_of FROM dg_progress;

-- name: first_month
-- The first progress month recorded.
SELECT min(month) AS first_month FROM dg_progress;
