-- Grader's content hierarchy:
--   profession 1─* grade 1─* module 1─* topic 1─* theory | question | task | case
--                      1─* project 1─* project_item
-- Keys are named <entity>_id so that children join parents with USING (...).
-- Every content row has a slug (unique within its parent), a position, is_active
-- (draft/published) and timestamps; the seed loader matches rows by slug.

CREATE TYPE grade_level AS ENUM
    ('intern', 'junior', 'junior_plus', 'middle', 'middle_plus', 'senior_plus');

-- Keeps updated_at honest for every content table.
CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END $$;

CREATE TABLE professions (
    profession_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug        text NOT NULL CONSTRAINT professions_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title       text NOT NULL CONSTRAINT professions_title_not_blank CHECK (btrim(title) <> ''),
    summary     text NOT NULL DEFAULT '',
    position    integer NOT NULL DEFAULT 0,
    is_active   boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT professions_slug_key UNIQUE (slug)
);

CREATE TABLE grades (
    grade_id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    profession_id bigint NOT NULL REFERENCES professions ON DELETE CASCADE,
    level         grade_level NOT NULL,
    -- The URL form of the level: junior_plus → junior-plus.
    slug          text NOT NULL CONSTRAINT grades_slug_matches_level CHECK (slug = replace(level::text, '_', '-')),
    description   text NOT NULL DEFAULT '',
    position      integer NOT NULL DEFAULT 0,
    is_active     boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT grades_level_key UNIQUE (profession_id, level),
    CONSTRAINT grades_slug_key UNIQUE (profession_id, slug)
);

CREATE TABLE modules (
    module_id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    grade_id    bigint NOT NULL REFERENCES grades ON DELETE CASCADE,
    slug        text NOT NULL CONSTRAINT modules_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title       text NOT NULL CONSTRAINT modules_title_not_blank CHECK (btrim(title) <> ''),
    description text NOT NULL DEFAULT '',
    position    integer NOT NULL DEFAULT 0,
    is_active   boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT modules_slug_key UNIQUE (grade_id, slug)
);

CREATE TABLE topics (
    topic_id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    module_id   bigint NOT NULL REFERENCES modules ON DELETE CASCADE,
    slug        text NOT NULL CONSTRAINT topics_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title       text NOT NULL CONSTRAINT topics_title_not_blank CHECK (btrim(title) <> ''),
    description text NOT NULL DEFAULT '',
    position    integer NOT NULL DEFAULT 0,
    is_active   boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT topics_slug_key UNIQUE (module_id, slug)
);

-- Theory card: a question and its markdown answer; the learner says
-- «Понимаю» or «Не понимаю».
CREATE TABLE theory (
    theory_id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic_id    bigint NOT NULL REFERENCES topics ON DELETE CASCADE,
    slug        text NOT NULL CONSTRAINT theory_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title       text NOT NULL CONSTRAINT theory_title_not_blank CHECK (btrim(title) <> ''),
    body        text NOT NULL CONSTRAINT theory_body_not_blank CHECK (btrim(body) <> ''),
    explanation text NOT NULL DEFAULT '',
    position    integer NOT NULL DEFAULT 0,
    is_active   boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT theory_slug_key UNIQUE (topic_id, slug)
);

-- Multiple choice: correct_answers are 0-based indexes into options.
CREATE TABLE questions (
    question_id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic_id        bigint NOT NULL REFERENCES topics ON DELETE CASCADE,
    slug            text NOT NULL CONSTRAINT questions_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title           text NOT NULL CONSTRAINT questions_title_not_blank CHECK (btrim(title) <> ''),
    options         text[] NOT NULL CONSTRAINT questions_two_options CHECK (cardinality(options) >= 2),
    correct_answers integer[] NOT NULL
        CONSTRAINT questions_one_correct CHECK (cardinality(correct_answers) >= 1)
        CONSTRAINT questions_correct_in_range CHECK (
            0 <= ALL (correct_answers) AND cardinality(options) > ALL (correct_answers)),
    explanation     text NOT NULL DEFAULT '',
    position        integer NOT NULL DEFAULT 0,
    is_active       boolean NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT questions_slug_key UNIQUE (topic_id, slug)
);

-- "What does this code print": the learner types the output.
CREATE TABLE tasks (
    task_id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic_id         bigint NOT NULL REFERENCES topics ON DELETE CASCADE,
    slug             text NOT NULL CONSTRAINT tasks_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title            text NOT NULL CONSTRAINT tasks_title_not_blank CHECK (btrim(title) <> ''),
    code_question    text NOT NULL CONSTRAINT tasks_code_not_blank CHECK (btrim(code_question) <> ''),
    correct_answer   text NOT NULL CONSTRAINT tasks_answer_not_blank CHECK (btrim(correct_answer) <> ''),
    accepted_answers text[] NOT NULL DEFAULT '{}',
    explanation      text NOT NULL DEFAULT '',
    position         integer NOT NULL DEFAULT 0,
    is_active        boolean NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tasks_slug_key UNIQUE (topic_id, slug)
);

-- Fill the blanks: each ___ in code_template is one blank; correct_fields holds
-- the right text for each, in order.
CREATE TABLE cases (
    case_id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic_id        bigint NOT NULL REFERENCES topics ON DELETE CASCADE,
    slug            text NOT NULL CONSTRAINT cases_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title           text NOT NULL CONSTRAINT cases_title_not_blank CHECK (btrim(title) <> ''),
    code_template   text NOT NULL,
    correct_fields  text[] NOT NULL
        CONSTRAINT cases_one_field CHECK (cardinality(correct_fields) >= 1)
        CONSTRAINT cases_fields_match_blanks CHECK (
            (length(code_template) - length(replace(code_template, '___', ''))) / 3
                = cardinality(correct_fields)),
    expected_output text,
    explanation     text NOT NULL DEFAULT '',
    position        integer NOT NULL DEFAULT 0,
    is_active       boolean NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT cases_slug_key UNIQUE (topic_id, slug)
);

-- Portfolio projects of a grade, with their "what must be in GitHub" checklist.
CREATE TABLE projects (
    project_id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    grade_id    bigint NOT NULL REFERENCES grades ON DELETE CASCADE,
    slug        text NOT NULL CONSTRAINT projects_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title       text NOT NULL CONSTRAINT projects_title_not_blank CHECK (btrim(title) <> ''),
    description text NOT NULL DEFAULT '',
    position    integer NOT NULL DEFAULT 0,
    is_active   boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT projects_slug_key UNIQUE (grade_id, slug)
);

CREATE TABLE project_items (
    project_item_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id      bigint NOT NULL REFERENCES projects ON DELETE CASCADE,
    slug            text NOT NULL CONSTRAINT project_items_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title           text NOT NULL CONSTRAINT project_items_title_not_blank CHECK (btrim(title) <> ''),
    position        integer NOT NULL DEFAULT 0,
    is_active       boolean NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT project_items_slug_key UNIQUE (project_id, slug)
);

CREATE TRIGGER professions_updated_at BEFORE UPDATE ON professions FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER grades_updated_at BEFORE UPDATE ON grades FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER modules_updated_at BEFORE UPDATE ON modules FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER topics_updated_at BEFORE UPDATE ON topics FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER theory_updated_at BEFORE UPDATE ON theory FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER questions_updated_at BEFORE UPDATE ON questions FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER tasks_updated_at BEFORE UPDATE ON tasks FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER cases_updated_at BEFORE UPDATE ON cases FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER projects_updated_at BEFORE UPDATE ON projects FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER project_items_updated_at BEFORE UPDATE ON project_items FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Children are always read by parent, in order.
CREATE INDEX grades_by_profession ON grades (profession_id, position);
CREATE INDEX modules_by_grade ON modules (grade_id, position);
CREATE INDEX topics_by_module ON topics (module_id, position);
CREATE INDEX theory_by_topic ON theory (topic_id, position);
CREATE INDEX questions_by_topic ON questions (topic_id, position);
CREATE INDEX tasks_by_topic ON tasks (topic_id, position);
CREATE INDEX cases_by_topic ON cases (topic_id, position);
CREATE INDEX projects_by_grade ON projects (grade_id, position);
CREATE INDEX project_items_by_project ON project_items (project_id, position);
