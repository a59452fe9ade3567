-- Resources shown on a module (the roadmap's recommended reading). A link is
-- identified by its URL within the module.
CREATE TABLE module_links (
    module_link_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    module_id      bigint NOT NULL REFERENCES modules ON DELETE CASCADE,
    title          text NOT NULL CONSTRAINT module_links_title_not_blank CHECK (btrim(title) <> ''),
    url            text NOT NULL CONSTRAINT module_links_url_is_web CHECK (url ~ '^https?://[^\s]+$'),
    position       integer NOT NULL DEFAULT 0,
    is_active      boolean NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT module_links_url_key UNIQUE (module_id, url)
);

CREATE TRIGGER module_links_updated_at BEFORE UPDATE ON module_links FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE INDEX module_links_by_module ON module_links (module_id, position);
