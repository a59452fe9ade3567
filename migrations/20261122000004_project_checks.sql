-- A learner ticks off the items of a portfolio project's checklist.
CREATE TABLE project_item_checks (
    learner_id      bigint NOT NULL REFERENCES learners ON DELETE CASCADE,
    project_item_id bigint NOT NULL REFERENCES project_items ON DELETE CASCADE,
    checked_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (learner_id, project_item_id)
);
