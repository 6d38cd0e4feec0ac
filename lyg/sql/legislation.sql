-- name: projects
-- Legislation projects with their current stage.
SELECT * FROM leg_projects ORDER BY initiated_on;

-- name: events
-- Participation events with their project's title, the calendar days they span (both ends), and the period in days as
-- the law counts one (民法典 第二百零一条: the first day is not counted), which the 30-day rule is checked against.
SELECT e.*, p.title, date_diff('day', e.start_on, e.end_on) + 1 AS days, date_diff('day', e.start_on, e.end_on) AS period_days
FROM leg_events e JOIN leg_projects p USING (project_id)
ORDER BY e.start_on, e.event_id;

-- name: as_of
-- The latest event end date.
SELECT max(end_on) AS as_of FROM leg_events;
