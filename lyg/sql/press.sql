-- name: statements
-- The press conference's statements one page shows, in one section, in the order they were said.
SELECT * FROM press_statements WHERE shown_on = $page AND section = $section ORDER BY statement_id;
