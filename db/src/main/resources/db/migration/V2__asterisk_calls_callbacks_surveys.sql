-- Calls followed live on Asterisk (telephony: calls feature). One row per call: every leg sharing a Linkedid.
alter table call
    add column server         text,
    add column linkedid       text,
    add column caller_name    text,
    -- Lifecycle: ACTIVE while Asterisk still has a leg of it, ENDED once its last leg hung up (or was found gone).
    add column state          text not null default 'ENDED' check (state in ('ACTIVE', 'ENDED')),
    add column entered_at     timestamptz,  -- joined the queue
    add column answered_at    timestamptz,  -- an agent connected
    add column wait_sec       double precision,
    add column talk_sec       double precision,
    add column ring_no_answer int  not null default 0,
    add column transfers      int  not null default 0,
    add column queue_position int,
    -- What went wrong while following it (events lost in an outage, Asterisk restarted, ...); null when nothing did.
    add column anomaly        text,
    add column updated_at     timestamptz not null default now();
create unique index call_server_linkedid_idx on call (server, linkedid) where linkedid is not null;
create index call_active_idx on call (server) where state = 'ACTIVE';
create index call_entered_at_idx on call (entered_at);

-- Every Asterisk channel of a call, so a Uniqueid from a recording file name or an AGI request finds its call.
create table call_leg (
    server     text        not null,
    uniqueid   text        not null,
    call_id    bigint      not null references call (id),
    channel    text        not null,
    created_at timestamptz not null default now(),
    primary key (server, uniqueid)
);
create index call_leg_call_id_idx on call_leg (call_id);

-- Transfers of a call from one agent to another target (telephony: calls feature).
create table call_transfer (
    id             bigint generated always as identity primary key,
    call_id        bigint      not null references call (id),
    kind           text        not null check (kind in ('BLIND', 'ATTENDED')),
    from_agent     text,
    to_target      text,
    transferred_at timestamptz not null
);
create index call_transfer_call_id_idx on call_transfer (call_id);

-- Where a recording came from: an upload, the call's end (events), or the sweep of the recording directory.
alter table recording
    add column source_path text,
    add column origin      text not null default 'UPLOAD' check (origin in ('UPLOAD', 'CALL_END', 'SWEEP'));
create unique index recording_source_path_idx on recording (source_path) where source_path is not null;

-- Promised callbacks (telephony: callbacks feature).
create table callback_request (
    id               bigint generated always as identity primary key,
    queue            text        not null,
    number           text        not null,
    name             text,
    source           text        not null check (source in ('IVR', 'ABANDONED', 'AGENT')),
    origin_call_id   bigint references call (id),
    requested_at     timestamptz not null,
    -- The caller was told "within N minutes": punctuality is measured against this.
    promised_by      timestamptz not null,
    -- Not dialled before this (an agent's appointment, or the retry delay after a failed attempt).
    next_attempt_at  timestamptz not null,
    -- Only this agent may take it ("only me"); null: any member of the queue.
    assigned_agent   text,
    requested_by     text,
    queue_position   int,
    waited_sec       double precision,
    state            text        not null check (state in ('OPEN', 'DIALLING', 'DONE', 'FAILED', 'CANCELLED')),
    attempts         int         not null default 0,
    max_attempts     int         not null,
    done_at          timestamptz,
    note             text,
    updated_at       timestamptz not null default now()
);
-- No second open request for the same number and queue.
create unique index callback_request_open_idx on callback_request (queue, number) where state in ('OPEN', 'DIALLING');
create index callback_request_due_idx on callback_request (next_attempt_at) where state = 'OPEN';
create index callback_request_requested_at_idx on callback_request (requested_at);

create table callback_attempt (
    id           bigint generated always as identity primary key,
    request_id   bigint      not null references callback_request (id),
    attempt_no   int         not null,
    agent        text,
    action_id    text        not null unique,
    started_at   timestamptz not null,
    ended_at     timestamptz,
    outcome      text check (outcome in ('ANSWERED', 'NO_ANSWER', 'BUSY', 'FAILED', 'AGENT_NO_ANSWER')),
    reason       text,
    -- The call this attempt made, once Asterisk reported it; it is recorded and transcribed like any other.
    call_id      bigint references call (id),
    unique (request_id, attempt_no)
);
alter table call add column callback_attempt_id bigint references callback_attempt (id);

-- Post-call survey answers (telephony: survey feature).
create table survey_response (
    id          bigint generated always as identity primary key,
    call_id     bigint references call (id),
    server      text,
    uniqueid    text,
    agent       text,
    queue       text,
    score       int check (score between 0 and 10),
    answered_at timestamptz not null
);
create index survey_response_call_id_idx on survey_response (call_id);
create index survey_response_answered_at_idx on survey_response (answered_at);

-- What a supervisor must look at (survey under 5, overdue callback, ...).
create table supervisor_alert (
    id              bigint generated always as identity primary key,
    kind            text        not null check (kind in ('LOW_SURVEY', 'OVERDUE_CALLBACK', 'FAILED_CRITICAL')),
    call_id         bigint references call (id),
    agent           text,
    queue           text,
    detail          text        not null,
    created_at      timestamptz not null default now(),
    acknowledged_at timestamptz,
    acknowledged_by text
);
create index supervisor_alert_open_idx on supervisor_alert (created_at) where acknowledged_at is null;
