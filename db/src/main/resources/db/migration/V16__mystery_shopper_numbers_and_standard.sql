-- Issue 11: mystery-shopper calls (qa-console: mystery feature). The shoppers' caller numbers: a call from a listed
-- number that started at or after the number's marks_from is a test call (a row in mystery_shopper_call, V15). Numbers
-- are stored as calls store caller_number (what Asterisk or the upload gave, without spaces or dashes).
create table mystery_shopper_number (
    number     text        primary key,
    note       text,
    marks_from timestamptz not null,
    added_by   text        not null,
    added_at   timestamptz not null default now()
);

-- Calls a supervisor unmarked through the API: the number list does not mark them again (re-scoring, a re-evaluation).
create table mystery_shopper_unmarked (
    call_id     bigint      primary key references call (id),
    unmarked_by text        not null,
    unmarked_at timestamptz not null default now()
);

-- Finding a listed number's calls (on adding a number, and for each new call) without a scan of all calls.
create index call_caller_number_started_at_idx on call (caller_number, started_at);

-- Which standard scores test calls (its current version); null: the one of the call's queue. One row.
create table mystery_shopper_setting (
    id          boolean     primary key default true check (id),
    standard_id bigint references standard (id),
    updated_by  text,
    updated_at  timestamptz
);
insert into mystery_shopper_setting (id) values (true);
