-- Issue 13: retention and legal holds (qa-console: retention feature).

-- A legal hold: one call, or every call from or to a customer number, that neither retention nor erasure may delete
-- while the hold lasts (released_at is null). Holds are never deleted by the API, only released, so who held what and
-- why stays on record; a released hold on a call goes with the call when the call is deleted (the cascade), so no row
-- names a deleted call.
create table legal_hold (
    id          bigint generated always as identity primary key,
    call_id     bigint references call (id) on delete cascade,
    -- The number's digits only ("+1 555-0101" is "15550101"), as telephony's CallData.callsOfNumber compares them.
    number      text check (number ~ '^[0-9]{1,40}$'),
    reason      text        not null check (length(reason) between 1 and 2000),
    placed_by   text        not null,
    placed_at   timestamptz not null default now(),
    released_at timestamptz,
    released_by text,
    release_note text check (length(release_note) <= 2000),
    check ((call_id is null) <> (number is null)),
    check ((released_at is null) = (released_by is null))
);
create index legal_hold_call_active_idx on legal_hold (call_id) where released_at is null;
create index legal_hold_number_active_idx on legal_hold (number) where released_at is null;

-- How long each level of a call is kept, per queue; the row with queue null is the default, for calls in no queue and
-- queues without a policy of their own. Null days: kept forever. Audio goes no later than the transcript, and the
-- transcript no later than the call (deleting the call deletes everything of it).
create table retention_policy (
    id              bigint generated always as identity primary key,
    queue           text check (length(queue) between 1 and 100),
    audio_days      integer check (audio_days between 1 and 36500),
    transcript_days integer check (transcript_days between 1 and 36500),
    metadata_days   integer check (metadata_days between 1 and 36500),
    updated_by      text        not null,
    updated_at      timestamptz not null default now(),
    check (transcript_days is null or (audio_days is not null and audio_days <= transcript_days)),
    check (metadata_days is null or (transcript_days is not null and transcript_days <= metadata_days))
);
create unique index retention_policy_queue_idx on retention_policy (queue) where queue is not null;
create unique index retention_policy_default_idx on retention_policy ((queue is null)) where queue is null;
insert into retention_policy (queue, updated_by) values (null, 'installation');

-- The daily schedule, one row: the last day (in the schedule's zone) whose run finished. A run holds a PostgreSQL
-- advisory lock for its whole length, so two servers on one database never run at once, and checks this day under it.
create table retention_schedule (
    only_row         boolean primary key default true check (only_row),
    last_done_day    date
);
insert into retention_schedule (only_row) values (true);

-- Each run: who or what started it, when, what it deleted (totals; per queue in retention_run_queue), errors. No
-- call ids: a deleted call leaves no row that names it.
create table retention_run (
    id                  bigint generated always as identity primary key,
    trigger             text        not null check (trigger in ('SCHEDULE', 'API')),
    started_by          text,
    started_at          timestamptz not null default now(),
    finished_at         timestamptz,
    state               text        not null default 'RUNNING' check (state in ('RUNNING', 'DONE', 'FAILED')),
    audio_files_deleted integer     not null default 0,
    transcripts_deleted integer     not null default 0,
    calls_deleted       integer     not null default 0,
    held_skipped        integer     not null default 0,
    errors              integer     not null default 0,
    last_error          text
);
create index retention_run_started_idx on retention_run (started_at desc);

create table retention_run_queue (
    run_id              bigint      not null references retention_run (id) on delete cascade,
    -- The policy's queue ('' for calls in no queue) and the policy that applied (null: the default).
    queue               text        not null,
    policy_queue        text,
    audio_files_deleted integer     not null default 0,
    transcripts_deleted integer     not null default 0,
    calls_deleted       integer     not null default 0,
    held_skipped        integer     not null default 0,
    primary key (run_id, queue)
);

-- Retention deletes a call's audio before its transcript: a transcript (and its finished job) outlives the recording
-- it was made from, and forgets which it was.
alter table transcript alter column recording_id drop not null;
alter table transcript drop constraint transcript_recording_id_fkey;
alter table transcript add constraint transcript_recording_id_fkey
    foreign key (recording_id) references recording (id) on delete set null;
alter table transcription_job alter column recording_id drop not null;
alter table transcription_job drop constraint transcription_job_recording_id_fkey;
alter table transcription_job add constraint transcription_job_recording_id_fkey
    foreign key (recording_id) references recording (id) on delete set null;
