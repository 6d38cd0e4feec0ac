-- name: incidents_time_index
-- Incidents are filtered by time on every page; an index-free sort keeps zone maps tight.
CREATE TABLE fw_incidents_sorted AS SELECT * FROM fw_incidents ORDER BY occurred_at;

-- name: incidents_swap_drop
-- Replace the table by its time-sorted copy.
DROP TABLE fw_incidents;

-- name: incidents_swap_rename
-- Keep the contract's table name.
ALTER TABLE fw_incidents_sorted RENAME TO fw_incidents;
