/**
 * Migration 001: the team database of docs/team-sync.md (issue 14): schema `claimdesk`, the
 * group role `claimdesk_user`, the tables, the functions every policy and push goes through,
 * and row-level security on every table that holds case data.
 *
 * Kept as a string (not a .sql file) because the backend is bundled by esbuild and reads no
 * files of its own at run time. Runs in one transaction (migrate.ts), as the database
 * administrator: whoever runs it owns the schema, and the SECURITY DEFINER functions run as
 * that owner.
 *
 * Who the caller is: every function and trigger asks `session_user`, the role that logged in.
 * Inside a SECURITY DEFINER function `current_user` is the function's owner, so it cannot name
 * the caller; `session_user` can, and a login cannot change it (SET ROLE changes current_user
 * only, SET SESSION AUTHORIZATION needs a superuser). The `*_by` columns are stamped with it
 * by triggers, so nobody can file an edit under another analyst's name.
 *
 * FORCE ROW LEVEL SECURITY holds the tables' owner to the policies too, unless it is a
 * superuser. The definer functions run as that owner, so `cases` and `members` carry one more
 * policy letting the schema's owner (and roles it is granted to) through, and the read policy
 * of `members` answers that owner first: otherwise case_role() reading `members` would call
 * itself through the members policy forever.
 */
export const sql = String.raw`
CREATE SCHEMA claimdesk;

-- Cluster-wide and perhaps made by the administrator beforehand (docs/team-database.sql), or
-- by another database's migration: create it only when missing.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'claimdesk_user') THEN
    CREATE ROLE claimdesk_user NOLOGIN;
  END IF;
END
$$;

CREATE TABLE claimdesk.schema_migrations (
  version int PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE claimdesk.cases (
  case_id text PRIMARY KEY CHECK (case_id <> ''),
  title text,
  created_by name NOT NULL DEFAULT session_user,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seq bigint NOT NULL DEFAULT 0
);

CREATE TABLE claimdesk.members (
  case_id text NOT NULL REFERENCES claimdesk.cases,
  member name NOT NULL,
  role text NOT NULL CHECK (role IN ('reader', 'analyst', 'owner')),
  added_by name NOT NULL DEFAULT session_user,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, member)
);
-- "Which cases am I in" at startup.
CREATE INDEX members_member ON claimdesk.members (member);

CREATE TABLE claimdesk.records (
  case_id text NOT NULL REFERENCES claimdesk.cases,
  collection text NOT NULL,
  record_id text NOT NULL,
  value jsonb, -- null: deleted (a tombstone, so that pulls learn of deletes)
  seq bigint NOT NULL,
  updated_by name NOT NULL DEFAULT session_user,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, collection, record_id)
);
-- Pulls: case_id = $1 AND seq > cursor ORDER BY seq.
CREATE INDEX records_case_seq ON claimdesk.records (case_id, seq);

CREATE TABLE claimdesk.texts (
  case_id text NOT NULL REFERENCES claimdesk.cases,
  hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  content text NOT NULL,
  PRIMARY KEY (case_id, hash)
);

CREATE TABLE claimdesk.conflicts (
  id bigserial PRIMARY KEY,
  case_id text NOT NULL REFERENCES claimdesk.cases,
  collection text NOT NULL,
  record_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('fields', 'deleted-edited', 'edited-deleted')),
  fields text[] NOT NULL DEFAULT '{}',
  kept jsonb,
  proposed jsonb,
  proposed_by name NOT NULL DEFAULT session_user,
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_by name,
  resolved_at timestamptz,
  resolution text
);
CREATE INDEX conflicts_case ON claimdesk.conflicts (case_id, id);

CREATE TABLE claimdesk.clients (
  case_id text NOT NULL REFERENCES claimdesk.cases,
  client_id text NOT NULL,
  acked_through bigint NOT NULL DEFAULT 0,
  member name NOT NULL DEFAULT session_user,
  PRIMARY KEY (case_id, client_id)
);

-- True for the schema's owner (the administrator who migrated) and roles it is granted to:
-- they could drop the policies anyway. Not SECURITY DEFINER: it must see the real current_user.
CREATE FUNCTION claimdesk.is_schema_owner() RETURNS boolean
LANGUAGE sql STABLE
SET search_path = pg_catalog, claimdesk
AS $$
  SELECT coalesce(bool_or(pg_has_role(current_user, n.nspowner, 'USAGE')), false)
  FROM pg_namespace n WHERE n.nspname = 'claimdesk'
$$;

-- The caller's role in a case, or NULL. SECURITY DEFINER so that policies never read
-- members under RLS themselves (a policy on members reading members would recurse).
CREATE FUNCTION claimdesk.case_role(case_id text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, claimdesk
AS $$
  SELECT m.role FROM claimdesk.members m WHERE m.case_id = $1 AND m.member = session_user
$$;

-- The only way to make a case: nobody may insert into cases directly, so every case has an
-- owner from its first moment.
CREATE FUNCTION claimdesk.create_case(case_id text, title text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, claimdesk
AS $$
BEGIN
  IF create_case.case_id IS NULL OR create_case.case_id = '' THEN
    RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
      MESSAGE = 'claimdesk: a case id must not be empty';
  END IF;
  INSERT INTO claimdesk.cases (case_id, title, created_by)
    VALUES (create_case.case_id, create_case.title, session_user);
  INSERT INTO claimdesk.members (case_id, member, role, added_by)
    VALUES (create_case.case_id, session_user, 'owner', session_user);
EXCEPTION WHEN unique_violation THEN
  RAISE EXCEPTION USING ERRCODE = 'unique_violation',
    MESSAGE = format('claimdesk: case %s already exists in the team database', create_case.case_id);
END
$$;

-- Reserves n sequence numbers for a push and returns the last of them. The row lock on the
-- case lasts until the push commits, so one case's pushes commit in seq order and a pull by
-- seq > cursor never skips a row committed late. n = 0 only takes the lock.
CREATE FUNCTION claimdesk.next_seq(case_id text, n int) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, claimdesk
AS $$
DECLARE
  caller_role text := claimdesk.case_role(next_seq.case_id);
  last bigint;
BEGIN
  IF caller_role IS NULL OR caller_role NOT IN ('analyst', 'owner') THEN
    -- The same answer for a reader and a stranger: a stranger learns nothing of the case.
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
      MESSAGE = format('claimdesk: %s may not push to case %s: that takes the analyst or owner role',
                       session_user, next_seq.case_id),
      HINT = 'An owner of the case can change your role.';
  END IF;
  IF n IS NULL OR n < 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
      MESSAGE = format('claimdesk: next_seq needs n >= 0, not %s', n);
  END IF;
  UPDATE claimdesk.cases c SET last_seq = c.last_seq + n
    WHERE c.case_id = next_seq.case_id
    RETURNING c.last_seq INTO last;
  RETURN last;
END
$$;

-- A case always keeps an owner: after a member row stops being an owner (deleted, demoted or
-- moved), some owner must remain. AFTER ROW, so a statement removing several owners at once
-- is judged on its whole effect.
CREATE FUNCTION claimdesk.keep_an_owner() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, claimdesk
AS $$
BEGIN
  IF OLD.role <> 'owner'
     OR (TG_OP = 'UPDATE' AND NEW.role = 'owner' AND NEW.case_id = OLD.case_id) THEN
    RETURN NULL;
  END IF;
  -- Serialise owner changes of one case: two owners removing each other at once would
  -- otherwise each still see the other. The next statement's snapshot (READ COMMITTED) is
  -- taken after the wait, so it sees what the other transaction committed.
  PERFORM 1 FROM claimdesk.cases c WHERE c.case_id = OLD.case_id FOR NO KEY UPDATE;
  IF NOT EXISTS (
    SELECT 1 FROM claimdesk.members m WHERE m.case_id = OLD.case_id AND m.role = 'owner'
  ) THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation',
      MESSAGE = format('claimdesk: %s is the last owner of case %s', OLD.member, OLD.case_id),
      HINT = 'Make another member owner first.';
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER members_keep_an_owner AFTER UPDATE OR DELETE ON claimdesk.members
  FOR EACH ROW EXECUTE FUNCTION claimdesk.keep_an_owner();

-- Authorship is the server's to say: the *_by columns name the login that wrote the row,
-- whatever the client sent.
CREATE FUNCTION claimdesk.stamp_author() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, claimdesk
AS $$
BEGIN
  IF TG_TABLE_NAME = 'records' THEN
    NEW.updated_by := session_user;
  ELSIF TG_TABLE_NAME = 'members' THEN
    NEW.added_by := CASE WHEN TG_OP = 'INSERT' THEN session_user ELSE OLD.added_by END;
  ELSIF TG_TABLE_NAME = 'conflicts' THEN
    IF TG_OP = 'INSERT' THEN
      NEW.proposed_by := session_user;
      NEW.resolved_by := CASE WHEN NEW.resolved_by IS NULL THEN NULL ELSE session_user END;
    ELSE
      NEW.proposed_by := OLD.proposed_by;
      IF NEW.resolved_by IS DISTINCT FROM OLD.resolved_by AND NEW.resolved_by IS NOT NULL THEN
        NEW.resolved_by := session_user;
      END IF;
    END IF;
  ELSIF TG_TABLE_NAME = 'clients' THEN
    NEW.member := CASE WHEN TG_OP = 'INSERT' THEN session_user ELSE OLD.member END;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER records_stamp_author BEFORE INSERT OR UPDATE ON claimdesk.records
  FOR EACH ROW EXECUTE FUNCTION claimdesk.stamp_author();
CREATE TRIGGER members_stamp_author BEFORE INSERT OR UPDATE ON claimdesk.members
  FOR EACH ROW EXECUTE FUNCTION claimdesk.stamp_author();
CREATE TRIGGER conflicts_stamp_author BEFORE INSERT OR UPDATE ON claimdesk.conflicts
  FOR EACH ROW EXECUTE FUNCTION claimdesk.stamp_author();
CREATE TRIGGER clients_stamp_author BEFORE INSERT OR UPDATE ON claimdesk.clients
  FOR EACH ROW EXECUTE FUNCTION claimdesk.stamp_author();

-- A row stays in its case: the update policies judge the new row's case, so moving a row out
-- of a case where one is only a reader into one where one writes would otherwise pass.
CREATE FUNCTION claimdesk.keep_case_id() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, claimdesk
AS $$
BEGIN
  IF NEW.case_id IS DISTINCT FROM OLD.case_id THEN
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
      MESSAGE = format('claimdesk: a row of %s cannot move to another case', TG_TABLE_NAME);
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER members_keep_case_id BEFORE UPDATE OF case_id ON claimdesk.members
  FOR EACH ROW EXECUTE FUNCTION claimdesk.keep_case_id();
CREATE TRIGGER records_keep_case_id BEFORE UPDATE OF case_id ON claimdesk.records
  FOR EACH ROW EXECUTE FUNCTION claimdesk.keep_case_id();
CREATE TRIGGER conflicts_keep_case_id BEFORE UPDATE OF case_id ON claimdesk.conflicts
  FOR EACH ROW EXECUTE FUNCTION claimdesk.keep_case_id();
CREATE TRIGGER clients_keep_case_id BEFORE UPDATE OF case_id ON claimdesk.clients
  FOR EACH ROW EXECUTE FUNCTION claimdesk.keep_case_id();

-- The update policies below let every member's UPDATE reach the case's rows (USING) and
-- judge the new row (WITH CHECK): a reader's update then fails loudly with an RLS error
-- instead of silently changing 0 rows, which a sync engine could take for success.
ALTER TABLE claimdesk.cases ENABLE ROW LEVEL SECURITY;
ALTER TABLE claimdesk.cases FORCE ROW LEVEL SECURITY;
ALTER TABLE claimdesk.members ENABLE ROW LEVEL SECURITY;
ALTER TABLE claimdesk.members FORCE ROW LEVEL SECURITY;
ALTER TABLE claimdesk.records ENABLE ROW LEVEL SECURITY;
ALTER TABLE claimdesk.records FORCE ROW LEVEL SECURITY;
ALTER TABLE claimdesk.texts ENABLE ROW LEVEL SECURITY;
ALTER TABLE claimdesk.texts FORCE ROW LEVEL SECURITY;
ALTER TABLE claimdesk.conflicts ENABLE ROW LEVEL SECURITY;
ALTER TABLE claimdesk.conflicts FORCE ROW LEVEL SECURITY;
ALTER TABLE claimdesk.clients ENABLE ROW LEVEL SECURITY;
ALTER TABLE claimdesk.clients FORCE ROW LEVEL SECURITY;

CREATE POLICY cases_read ON claimdesk.cases FOR SELECT
  USING (claimdesk.case_role(case_id) IS NOT NULL);
CREATE POLICY cases_owner_of_schema ON claimdesk.cases
  USING (claimdesk.is_schema_owner()) WITH CHECK (claimdesk.is_schema_owner());

-- case_role() reads members as the schema's owner, and this policy applies to that read too:
-- the CASE (whose branches run in order, unlike OR and AND) answers the owner without calling
-- case_role() again, which would recurse until the stack runs out.
CREATE POLICY members_read ON claimdesk.members FOR SELECT
  USING (CASE WHEN claimdesk.is_schema_owner() THEN true
              ELSE claimdesk.case_role(case_id) IS NOT NULL END);
CREATE POLICY members_insert ON claimdesk.members FOR INSERT
  WITH CHECK (claimdesk.case_role(case_id) = 'owner');
CREATE POLICY members_update ON claimdesk.members FOR UPDATE
  USING (claimdesk.case_role(case_id) IS NOT NULL)
  WITH CHECK (claimdesk.case_role(case_id) = 'owner');
CREATE POLICY members_delete ON claimdesk.members FOR DELETE
  USING (claimdesk.case_role(case_id) = 'owner');
CREATE POLICY members_owner_of_schema ON claimdesk.members
  USING (claimdesk.is_schema_owner()) WITH CHECK (claimdesk.is_schema_owner());

CREATE POLICY records_read ON claimdesk.records FOR SELECT
  USING (claimdesk.case_role(case_id) IS NOT NULL);
CREATE POLICY records_insert ON claimdesk.records FOR INSERT
  WITH CHECK (claimdesk.case_role(case_id) IN ('analyst', 'owner'));
CREATE POLICY records_update ON claimdesk.records FOR UPDATE
  USING (claimdesk.case_role(case_id) IS NOT NULL)
  WITH CHECK (claimdesk.case_role(case_id) IN ('analyst', 'owner'));

CREATE POLICY texts_read ON claimdesk.texts FOR SELECT
  USING (claimdesk.case_role(case_id) IS NOT NULL);
CREATE POLICY texts_insert ON claimdesk.texts FOR INSERT
  WITH CHECK (claimdesk.case_role(case_id) IN ('analyst', 'owner'));

CREATE POLICY conflicts_read ON claimdesk.conflicts FOR SELECT
  USING (claimdesk.case_role(case_id) IS NOT NULL);
CREATE POLICY conflicts_insert ON claimdesk.conflicts FOR INSERT
  WITH CHECK (claimdesk.case_role(case_id) IN ('analyst', 'owner'));
CREATE POLICY conflicts_update ON claimdesk.conflicts FOR UPDATE
  USING (claimdesk.case_role(case_id) IS NOT NULL)
  WITH CHECK (claimdesk.case_role(case_id) IN ('analyst', 'owner'));

CREATE POLICY clients_read ON claimdesk.clients FOR SELECT
  USING (claimdesk.case_role(case_id) IS NOT NULL);
CREATE POLICY clients_insert ON claimdesk.clients FOR INSERT
  WITH CHECK (claimdesk.case_role(case_id) IN ('analyst', 'owner'));
CREATE POLICY clients_update ON claimdesk.clients FOR UPDATE
  USING (claimdesk.case_role(case_id) IS NOT NULL)
  WITH CHECK (claimdesk.case_role(case_id) IN ('analyst', 'owner'));

-- Privileges: the policies above narrow these to the caller's cases. No DELETE on records
-- (deletes are tombstones) nor on anything but members; cases only through create_case and
-- next_seq.
GRANT USAGE ON SCHEMA claimdesk TO claimdesk_user;
GRANT SELECT ON claimdesk.schema_migrations TO claimdesk_user;
GRANT SELECT ON claimdesk.cases TO claimdesk_user;
GRANT SELECT, INSERT, UPDATE, DELETE ON claimdesk.members TO claimdesk_user;
GRANT SELECT, INSERT, UPDATE ON claimdesk.records TO claimdesk_user;
GRANT SELECT, INSERT ON claimdesk.texts TO claimdesk_user;
GRANT SELECT, INSERT, UPDATE ON claimdesk.conflicts TO claimdesk_user;
GRANT SELECT, INSERT, UPDATE ON claimdesk.clients TO claimdesk_user;
GRANT USAGE ON SEQUENCE claimdesk.conflicts_id_seq TO claimdesk_user;
-- Functions are executable by PUBLIC by default; a login outside claimdesk_user gets none.
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA claimdesk FROM PUBLIC;
GRANT EXECUTE ON FUNCTION claimdesk.is_schema_owner(), claimdesk.case_role(text),
  claimdesk.create_case(text, text), claimdesk.next_seq(text, int) TO claimdesk_user;
`;
