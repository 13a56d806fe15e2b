-- The chat's per-client allowance, shared by every API replica: a token bucket per client key, spent and
-- refilled by one INSERT ... ON CONFLICT DO UPDATE (the row lock serializes replicas spending the same key).
-- A row that has refilled completely says nothing a missing row would not, so the service purges those.

CREATE TABLE chat_allowances (
    client       text             PRIMARY KEY CHECK (length(client) <= 200),  -- scope and client address
    tokens       double precision NOT NULL,       -- messages left at refilled_at, fractions included
    refilled_at  timestamptz      NOT NULL,
    granted      boolean          NOT NULL        -- whether the latest request was allowed
);

CREATE INDEX chat_allowances_refilled ON chat_allowances (refilled_at);

-- Whoever may write the chat's messages may spend allowances: the grant follows the chat tables' writers
-- (the service's role, when a migration created one) instead of naming a role here.
DO $$
DECLARE
    writer regrole;
BEGIN
    FOR writer IN
        SELECT DISTINCT acl.grantee::regrole
        FROM pg_class AS chat_messages, aclexplode(chat_messages.relacl) AS acl
        WHERE chat_messages.oid = 'chat_messages'::regclass
          AND acl.privilege_type = 'INSERT'
          AND acl.grantee <> 0
          AND acl.grantee <> chat_messages.relowner
    LOOP
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON chat_allowances TO %s', writer);
    END LOOP;
END
$$;
