-- Chat conversations, kept server-side so any API replica can continue one.
-- The service keeps only the latest messages of each conversation and ignores (then purges) expired ones.

CREATE TABLE chat_conversations (
    id          uuid        PRIMARY KEY,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL              -- slides forward with every message
);

CREATE INDEX chat_conversations_expires ON chat_conversations (expires_at);

CREATE TABLE chat_messages (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id  uuid        NOT NULL REFERENCES chat_conversations (id) ON DELETE CASCADE,
    role             text        NOT NULL CHECK (role IN ('user', 'assistant')),
    content          text        NOT NULL CHECK (length(content) <= 16000),
    created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX chat_messages_conversation ON chat_messages (conversation_id, id);
