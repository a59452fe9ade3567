-- Gives every object in the database that postgres owns to the app's role (see
-- embedded_pg/mod.rs). Tables carry their indexes and owned sequences with them.
ALTER DATABASE grader OWNER TO grader;
ALTER SCHEMA public OWNER TO grader;
DO $$
DECLARE r record;
BEGIN
  FOR r IN
    SELECT format('ALTER %s %I.%I OWNER TO grader',
             CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                            WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END,
             n.nspname, c.relname) AS cmd
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND n.nspname NOT LIKE 'pg\_%'
      AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
      AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = 'grader')
      AND NOT (c.relkind = 'S' AND EXISTS (
        SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
  LOOP EXECUTE r.cmd; END LOOP;
  FOR r IN
    SELECT format('ALTER SCHEMA %I OWNER TO grader', nspname) AS cmd FROM pg_namespace
    WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'public')
      AND nspname NOT LIKE 'pg\_%'
      AND nspowner <> (SELECT oid FROM pg_roles WHERE rolname = 'grader')
  LOOP EXECUTE r.cmd; END LOOP;
  FOR r IN
    SELECT format('ALTER TYPE %I.%I OWNER TO grader', n.nspname, t.typname) AS cmd
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE t.typtype IN ('e', 'd', 'c') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND n.nspname NOT LIKE 'pg\_%'
      AND (t.typtype <> 'c' OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
      AND t.typowner <> (SELECT oid FROM pg_roles WHERE rolname = 'grader')
  LOOP EXECUTE r.cmd; END LOOP;
  FOR r IN
    SELECT format('ALTER ROUTINE %s OWNER TO grader', p.oid::regprocedure) AS cmd
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
      AND p.proowner <> (SELECT oid FROM pg_roles WHERE rolname = 'grader')
  LOOP EXECUTE r.cmd; END LOOP;
END $$;
