-- What the learner was shown when an answer was graded (the `FeedbackDetail` as
-- JSON): pages show it later as it was, even after an author edits the key, just as
-- mastery keeps the score stored at answer time. NULL only on answers stored
-- before this column; the server fills those in once when it starts.
ALTER TABLE answers ADD COLUMN feedback jsonb;
-- What the start-up fill looks for, without scanning every answer at each start
-- (empty once the older answers have theirs).
CREATE INDEX answers_without_feedback ON answers (answer_id) WHERE feedback IS NULL;

-- A learner's mastery of published topics (all of them when `topics` is NULL): the
-- mean score of the latest answer to each published exercise, an unanswered one
-- counting 0 (DESIGN.md). The one formula: the grade path, the profile, the lock
-- on modules and the figure a topic page shows after an answer all read it.
CREATE FUNCTION topic_mastery(learner bigint, topics bigint[])
RETURNS TABLE (topic_id bigint, mastery real)
LANGUAGE sql STABLE AS $$
    SELECT t.topic_id,
           coalesce(sum(l.score) / nullif(count(e.exercise_id), 0), 0)::real
    FROM published_topics t
    LEFT JOIN exercises e ON e.topic_id = t.topic_id AND e.is_active
    -- The latest answer per exercise by index, not by sorting all of a learner's.
    LEFT JOIN LATERAL (
        SELECT a.score FROM answers a
        WHERE a.learner_id = learner AND a.kind = e.kind AND a.exercise_id = e.exercise_id
        ORDER BY a.answered_at DESC, a.answer_id DESC
        LIMIT 1
    ) l ON true
    WHERE topics IS NULL OR t.topic_id = ANY (topics)
    GROUP BY t.topic_id
$$;
