-- Topics a learner may see and answer: the topic, its module, grade and profession
-- all published. Answers and checklist ticks go through it, so a draft's answer
-- key never leaves the server.
CREATE VIEW published_topics AS
SELECT t.topic_id, t.module_id, m.grade_id, g.profession_id
FROM topics t
JOIN modules m USING (module_id)
JOIN grades g USING (grade_id)
JOIN professions p USING (profession_id)
WHERE t.is_active AND m.is_active AND g.is_active AND p.is_active;

-- Checklist items a learner may tick: item, project, grade and profession published.
CREATE VIEW published_project_items AS
SELECT i.project_item_id, i.project_id, pr.grade_id
FROM project_items i
JOIN projects pr USING (project_id)
JOIN grades g USING (grade_id)
JOIN professions p USING (profession_id)
WHERE i.is_active AND pr.is_active AND g.is_active AND p.is_active;

-- Attempt counters shared by every instance (login, registration, new guests).
-- The key is a SHA-256 of what is counted (an address, an address and an
-- account), so its size is fixed whatever a client sends.
CREATE TABLE throttle (
    scope        text NOT NULL,
    key          bytea NOT NULL CONSTRAINT throttle_key_size CHECK (octet_length(key) = 32),
    hits         integer NOT NULL,
    window_start timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);
CREATE INDEX throttle_window_start ON throttle (window_start);
