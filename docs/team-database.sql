-- Setting up a team database for Claimdesk (issue 14; the design is docs/team-sync.md).
-- Run by the database administrator, once, with psql as a superuser unless noted.
-- PostgreSQL 13 or newer. Replace every '...' password; keep them out of shell history.

-- 1. An administrator role to own the schema. Not a superuser on purpose: a superuser skips
--    row-level security, a plain owner is held to it (the tables FORCE ROW LEVEL SECURITY).
--    CREATEROLE lets it create the group role and the analysts' logins.
CREATE ROLE claimdesk_admin LOGIN CREATEROLE PASSWORD '...';

-- 2. The database, owned by that role (which can then create the schema in it).
CREATE DATABASE claimdesk OWNER claimdesk_admin;

-- 3. The schema: from a checkout of Claimdesk, as claimdesk_admin (not in psql):
--
--      PGPASSWORD='...' npm run team:migrate -- \
--        'postgresql://claimdesk_admin@db.example.org/claimdesk?sslmode=verify-full'
--
--    It applies the migrations this Claimdesk knows (schema claimdesk, group role
--    claimdesk_user, tables, functions, policies) and records them in
--    claimdesk.schema_migrations; run it again after upgrading Claimdesk. An analyst's app
--    never migrates (its login may not): it says so and names this command. An app older than
--    the database refuses to use it until updated.

-- 4. One login per analyst, as claimdesk_admin (\c claimdesk claimdesk_admin). Everyone in
--    claimdesk_user may create cases; what they may do in a case is their role in
--    claimdesk.members (reader, analyst, owner), which the case's owners manage in the app.
CREATE ROLE alice LOGIN PASSWORD '...' IN ROLE claimdesk_user;
CREATE ROLE bob LOGIN PASSWORD '...' IN ROLE claimdesk_user;
--    On PostgreSQL 16+, if a superuser created claimdesk_user before the migration did, the
--    administrator needs: GRANT claimdesk_user TO claimdesk_admin WITH ADMIN OPTION;

-- Someone leaving: stop the login; their past edits keep their name.
--   ALTER ROLE bob NOLOGIN;
-- A case whose owners are all gone: the schema's owner may still manage its members.
--   INSERT INTO claimdesk.members (case_id, member, role) VALUES ('<case id>', 'alice', 'owner');
-- The administrator's own login sees every case's members: analysts use a login of their own.

-- 5. Connections (pg_hba.conf): passwords as SCRAM only, over TLS only, for the group role
--    only. Set ssl = on with a certificate in postgresql.conf and keep password_encryption =
--    scram-sha-256 (the default since PostgreSQL 14). Then, for example:
--
--      # TYPE   DATABASE   USER              ADDRESS        METHOD
--      hostssl  claimdesk  +claimdesk_user   10.0.0.0/8     scram-sha-256
--      hostssl  claimdesk  claimdesk_admin   10.0.0.0/8     scram-sha-256
--
--    and give analysts connection strings with sslmode=verify-full (and sslrootcert when the
--    server's certificate is not from a public CA), so that a password is never sent to a
--    server that is not the team's:
--      postgresql://alice@db.example.org/claimdesk?sslmode=verify-full
