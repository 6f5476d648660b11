create table users (
    id            bigint generated always as identity primary key,
    email         varchar(254) not null,
    name          varchar(100),
    password_hash varchar(255) not null,
    created_at    timestamptz  not null default now()
);
create unique index users_email_key on users (lower(email));

create table tasks (
    id           bigint generated always as identity primary key,
    user_id      bigint        not null references users (id) on delete cascade,
    title        varchar(200)  not null,
    description  varchar(4000),
    completed    boolean       not null default false,
    due_date     date,
    -- 1 low, 2 medium, 3 high: sorts by urgency
    priority     smallint      not null default 2 check (priority between 1 and 3),
    tags         text[]        not null default '{}',
    created_at   timestamptz   not null default now(),
    updated_at   timestamptz   not null default now(),
    completed_at timestamptz
);
create index tasks_user_created_idx on tasks (user_id, created_at desc, id desc);
create index tasks_user_due_idx on tasks (user_id, due_date);
