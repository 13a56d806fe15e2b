-- Least privilege. The importer logs in as {ingest_role}, which owns the catalog. The GraphQL service logs in
-- as {service_role}, which reads every table and writes only the chat tables (named {service_writable_pattern}).
-- The administrator login is left to the migration step. Roles belong to the server, not the database, so each
-- is created only when missing; the migration step gives them LOGIN and their passwords (MigrationRunner) and
-- calls grant_catalog_privileges() after every run, so a later migration's tables are owned and granted without
-- that migration naming a role.

DO $$
BEGIN
    CREATE ROLE {ingest_role} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;  -- made by an earlier run, or by another database on the same server
END $$;

DO $$
BEGIN
    CREATE ROLE {service_role} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;
END $$;

-- Runs as the migration step's login (the function is owned by it, never by the importer's role, which could
-- otherwise rewrite code the administrator runs). Idempotent: it sets the whole state each time.
CREATE FUNCTION grant_catalog_privileges() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    object record;
BEGIN
    -- Handing objects to the owner role needs membership in it. A superuser has it; a CREATEROLE administrator
    -- (Azure's) made the role, and from PostgreSQL 16 on must also be granted SET on it.
    IF current_user <> '{ingest_role}' AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        EXECUTE format('GRANT {ingest_role} TO %I', current_user)
            || CASE WHEN current_setting('server_version_num')::int >= 160000 THEN ' WITH SET TRUE, INHERIT FALSE' ELSE '' END;
    END IF;

    -- The importer's role owns every table, view and free-standing sequence (identity sequences and indexes
    -- follow their table), so it may drop and rebuild indexes and ANALYZE during a load. A new owner must be
    -- allowed to create in the schema (superusers skip that check), so it may for the handover only.
    GRANT CREATE ON SCHEMA public TO {ingest_role};
    FOR object IN
        SELECT c.oid::regclass AS name
        FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace
          AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
          AND c.relowner <> '{ingest_role}'::regrole
          AND NOT EXISTS (SELECT FROM pg_depend d
                          WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i'))
    LOOP
        EXECUTE format('ALTER TABLE %s OWNER TO {ingest_role}', object.name);
    END LOOP;
    REVOKE CREATE ON SCHEMA public FROM {ingest_role};

    GRANT USAGE ON SCHEMA public TO {ingest_role}, {service_role};

    -- The service: reads everything, writes only the chat tables; anything granted beyond that earlier is taken back.
    REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {service_role};
    REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {service_role};
    GRANT SELECT ON ALL TABLES IN SCHEMA public TO {service_role};
    FOR object IN
        SELECT c.oid::regclass AS name, c.relkind
        FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace
          AND c.relkind IN ('r', 'p', 'S')
          AND (c.relname LIKE '{service_writable_pattern}'
               OR EXISTS (SELECT FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid
                          WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')
                            AND t.relname LIKE '{service_writable_pattern}'))
    LOOP
        IF object.relkind = 'S' THEN
            EXECUTE format('GRANT USAGE, SELECT ON SEQUENCE %s TO {service_role}', object.name);
        ELSE
            EXECUTE format('GRANT INSERT, UPDATE, DELETE ON TABLE %s TO {service_role}', object.name);
        END IF;
    END LOOP;

    -- Tables the importer's role makes itself between migration runs are readable at once.
    ALTER DEFAULT PRIVILEGES FOR ROLE {ingest_role} IN SCHEMA public GRANT SELECT ON TABLES TO {service_role};

    -- Neither role creates tables: only the migration step does (PostgreSQL 15 and later already deny PUBLIC this).
    IF has_schema_privilege('{service_role}', 'public', 'CREATE')
       OR has_schema_privilege('{ingest_role}', 'public', 'CREATE') THEN
        REVOKE CREATE ON SCHEMA public FROM PUBLIC;
    END IF;
END $$;

-- Only the migration step runs it.
REVOKE EXECUTE ON FUNCTION grant_catalog_privileges() FROM PUBLIC;

SELECT grant_catalog_privileges();
