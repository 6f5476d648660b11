-- One chat turn at a time per conversation, across the chat function's replicas: a turn
-- holds its conversation until turn_until, renewed with every message the turn keeps, so
-- the turn of a replica that died frees the conversation once that time has passed.
alter table conversations
    add column turn_id    uuid,
    add column turn_until timestamptz;

-- The Idempotency-Key of chat turns, per user: a retried turn is answered with the reply
-- the first attempt got (reply_id), not run again.
create table chat_turn_keys (
    user_id         bigint       not null references users (id) on delete cascade,
    idempotency_key varchar(255) not null,
    conversation_id uuid         not null references conversations (id) on delete cascade,
    message_sha256  varchar(64)  not null,
    reply_id        bigint       references messages (id) on delete cascade,
    created_at      timestamptz  not null default now(),
    primary key (user_id, idempotency_key)
);
