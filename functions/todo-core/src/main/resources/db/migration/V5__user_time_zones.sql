-- Each user's IANA time zone: "today", "overdue" and "this week" are days in it.
alter table users add column time_zone text not null default 'UTC';
