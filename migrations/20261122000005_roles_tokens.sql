-- Authoring: roles on accounts and personal API tokens.

CREATE TYPE account_role AS ENUM ('learner', 'author', 'admin');

-- Authors edit content in /admin and through the API; admins also grant roles.
ALTER TABLE learners ADD COLUMN role account_role NOT NULL DEFAULT 'learner';
-- Only an account (not a guest) can hold a role above learner.
ALTER TABLE learners ADD CONSTRAINT learners_role_needs_account
    CHECK (role = 'learner' OR email IS NOT NULL);

-- A personal token for `Authorization: Bearer`. Only its SHA-256 is kept: a token
-- is 256 random bits, so a fast hash is enough and lookups stay indexable.
CREATE TABLE api_tokens (
    token_id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    learner_id   bigint NOT NULL REFERENCES learners ON DELETE CASCADE,
    name         text NOT NULL
        CONSTRAINT api_tokens_name_length CHECK (char_length(btrim(name)) BETWEEN 1 AND 80),
    token_hash   bytea NOT NULL CONSTRAINT api_tokens_hash_key UNIQUE,
    -- The first characters, shown in the list so an author can tell tokens apart.
    prefix       text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX api_tokens_by_learner ON api_tokens (learner_id, created_at);
