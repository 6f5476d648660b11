-- Optimistic locking: every write of a task adds one, and a client that read version n
-- may ask for its write to apply only while the task is still at n
alter table tasks add column version bigint not null default 0;

-- Idempotency-Key of addTask: a retried request finds the task its first try added.
-- task_id has no foreign key on purpose: deleting the task must not free the key, or a
-- late retry would add the task again
create table idempotency_keys (
    user_id         bigint       not null references users (id) on delete cascade,
    idempotency_key varchar(255) not null,
    -- SHA-256 of the request, in hex: the same key with another request is refused
    request_hash    char(64)     not null,
    task_id         bigint,
    created_at      timestamptz  not null default now(),
    primary key (user_id, idempotency_key)
);
