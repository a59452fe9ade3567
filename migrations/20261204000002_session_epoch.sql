-- Sessions carry the epoch of their account at sign-in; raising it («Выйти на
-- других устройствах», a password change) ends every other session at once, on
-- every instance, without reading the session store.
ALTER TABLE learners ADD COLUMN session_epoch integer NOT NULL DEFAULT 0;
