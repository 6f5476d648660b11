create table conversations (
    id         uuid primary key,
    user_id    bigint       not null references users (id) on delete cascade,
    title      varchar(200) not null,
    created_at timestamptz  not null default now(),
    updated_at timestamptz  not null default now()
);
create index conversations_user_updated_idx on conversations (user_id, updated_at desc);

create table messages (
    id              bigint generated always as identity primary key,
    conversation_id uuid        not null references conversations (id) on delete cascade,
    role            varchar(16) not null check (role in ('system', 'user', 'assistant', 'tool')),
    content         text        not null,
    tool_calls      jsonb,
    created_at      timestamptz not null default now()
);
create index messages_conversation_idx on messages (conversation_id, id);
