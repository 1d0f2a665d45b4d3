-- The runtime role's privileges, applied by the schema owner after every migration pass (idempotent), so
-- a table a later migration adds is covered, and so is a runtime role changed in configuration.
-- The role is passed in the setting bis.runtime_role (set for this transaction by the migrator).
--
-- What serves requests (BIS.Web) connects as this role: it reads and writes the data tables, uses
-- sequences, temp tables (CONNECT and TEMP on the database), LISTEN/NOTIFY and advisory locks (which need
-- no grant). It owns nothing, so it can neither change the schema nor grant itself more. The audit log and
-- the Data Protection key ring are append-only for it: SELECT and INSERT, never UPDATE, DELETE or TRUNCATE
-- (a key is added or revoked by adding a row). Feed loads, migrations and the scheduler's job store
-- connect as the owner.
DO $$
DECLARE
    runtime_role text := current_setting('bis.runtime_role');
    append_only  text[] := ARRAY['audit_log', 'data_protection_key'];
    object       record;
BEGIN
    IF runtime_role = current_user THEN
        RETURN; -- One role for everything: nothing to grant, and nothing may be taken from the owner.
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = runtime_role) THEN
        RAISE EXCEPTION 'The runtime role "%" (the user of Database:ConnectionString) does not exist: create it (infra/postgres/provision.sh creates bis_app).', runtime_role;
    END IF;

    IF (SELECT datdba FROM pg_database WHERE datname = current_database()) = (SELECT oid FROM pg_roles WHERE rolname = current_user) THEN
        EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', current_database(), runtime_role);
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', runtime_role);

    -- Only what the owner owns: PostGIS's spatial_ref_sys belongs to the superuser that created it.
    FOR object IN
        SELECT c.relname, c.relkind FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
          AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
    LOOP
        IF object.relkind = 'S' THEN
            EXECUTE format('GRANT USAGE, SELECT, UPDATE ON SEQUENCE %I TO %I', object.relname, runtime_role);
        ELSIF object.relname = 'schemaversions' THEN
            -- DbUp's journal of applied migrations is none of the runtime role's business.
            EXECUTE format('REVOKE ALL ON TABLE %I FROM %I', object.relname, runtime_role);
        ELSIF object.relname = ANY (append_only) THEN
            EXECUTE format('REVOKE ALL ON TABLE %I FROM %I', object.relname, runtime_role);
            EXECUTE format('GRANT SELECT, INSERT ON TABLE %I TO %I', object.relname, runtime_role);
        ELSE
            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE %I TO %I', object.relname, runtime_role);
        END IF;
    END LOOP;

    -- Tables the owner creates outside a migration (Quartz's qrtz_* job store, when clustered) follow too.
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', runtime_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO %I', runtime_role);
END
$$;
