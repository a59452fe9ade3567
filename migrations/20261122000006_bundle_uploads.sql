-- An uploaded bundle waits here between its dry-run report and «Применить».
CREATE TABLE bundle_uploads (
    upload_id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    learner_id  bigint NOT NULL REFERENCES learners ON DELETE CASCADE,
    file_name   text NOT NULL DEFAULT '',
    bytes       bytea NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    applied_at  timestamptz
);
