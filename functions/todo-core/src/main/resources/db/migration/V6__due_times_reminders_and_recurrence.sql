-- Due times, reminders and recurring tasks (issue 17). Times of day and dates are in the
-- owner's zone (users.time_zone); remind_at is the instant they are due there.
alter table tasks
    add column due_time              time,
    add column remind_at             timestamptz,
    -- a reminder set relative to the due time: each next occurrence keeps the same lead
    add column remind_before_minutes integer check (remind_before_minutes between 0 and 525600),
    -- when the reminder went out; a changed remind_at clears it
    add column reminded_at           timestamptz,
    -- an RFC 5545 RRULE (without "RRULE:"), counted from recurrence_start
    add column recurrence            varchar(500),
    add column recurrence_start      date,
    -- the occurrence this one follows: unique, so a task is followed at most once, however
    -- often its completion is delivered
    add column previous_task_id      bigint references tasks (id) on delete set null,
    add constraint tasks_due_time_needs_date check (due_time is null or due_date is not null),
    add constraint tasks_recurrence_needs_date check (recurrence is null or due_date is not null);
create unique index tasks_previous_task_key on tasks (previous_task_id);
create index tasks_reminders_due_idx on tasks (remind_at)
    where remind_at is not null and reminded_at is null and not completed;

-- Events a consumer has handled (at-least-once delivery): a redelivered event is skipped
create table processed_events (
    consumer     varchar(100) not null,
    event_source varchar(500) not null,
    event_id     varchar(500) not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_source, event_id)
);

-- Reminders that came due: each user's notification list, until dismissed
create table reminders (
    id           bigint generated always as identity primary key,
    user_id      bigint       not null references users (id) on delete cascade,
    task_id      bigint       references tasks (id) on delete cascade,
    title        varchar(200) not null,
    due_date     date,
    due_time     time,
    remind_at    timestamptz  not null,
    created_at   timestamptz  not null default now(),
    dismissed_at timestamptz
);
create index reminders_user_open_idx on reminders (user_id, created_at desc) where dismissed_at is null;

-- Events the broker gave up on after its retries, kept whole for an operator
create table dead_letters (
    id                bigint generated always as identity primary key,
    event_id          varchar(500) not null,
    event_type        varchar(500) not null,
    event_source      varchar(500) not null,
    -- Knative's knativeerrordest, knativeerrorcode and knativeerrordata extensions
    error_destination text,
    error_code        integer,
    error_data        text,
    event             jsonb        not null,
    received_at       timestamptz  not null default now()
);
create index dead_letters_received_idx on dead_letters (received_at desc);
