-- Promises agents make on calls ("I will call you back within the hour"), found in their transcripts and tracked
-- (qa-console: promises feature).
create table promise (
    id                  bigint generated always as identity primary key,
    call_id             bigint           not null references call (id),
    agent               text,
    queue               text,
    -- The customer's number: the caller of an inbound call, the number dialled of an outbound one.
    customer_number     text,
    kind                text             not null check (kind in ('CALLBACK', 'EMAIL', 'OTHER')),
    -- The words of the commitment as said, and where: seconds from the recording's start, who said it.
    phrase              text             not null,
    start_sec           double precision not null,
    end_sec             double precision not null,
    speaker             text             not null,
    -- The time expression said with it ("within the hour"), null when none was said (the default delay applies).
    time_phrase         text,
    zone                text             not null,
    made_at             timestamptz      not null,   -- the call's end: what the due time counts from
    due_at              timestamptz      not null,
    -- OPEN until due; KEPT by a connected outbound call to the number before due, LATE after it; BROKEN once due
    -- passed with none (LATE if one comes later); NOT_CHECKED: nothing a call can prove (an e-mail, no number).
    state               text             not null check (state in ('OPEN', 'KEPT', 'LATE', 'BROKEN', 'NOT_CHECKED')),
    kept_by_call_id     bigint references call (id),
    kept_at             timestamptz,
    broken_at           timestamptz,
    callback_request_id bigint references callback_request (id),
    created_at          timestamptz      not null default now(),
    unique (call_id, start_sec)
);
create index promise_call_id_idx on promise (call_id);
create index promise_made_at_idx on promise (made_at);
create index promise_pending_idx on promise (due_at) where state in ('OPEN', 'BROKEN');

-- Which transcripts were searched for promises (with none found too), so the sweep finds the ones missed.
create table promise_detection (
    call_id     bigint primary key references call (id),
    promises    int         not null,
    detected_at timestamptz not null default now()
);

-- Per queue: the time zone due times are reckoned in, and whether a callback promise schedules its callback request.
create table promise_queue_setting (
    queue           text primary key,
    zone            text        not null,
    create_callback boolean     not null default false,
    updated_by      text        not null,
    updated_at      timestamptz not null default now()
);

-- A promise whose due time passed without its call raises an alert, once.
alter table supervisor_alert drop constraint supervisor_alert_kind_check;
alter table supervisor_alert add constraint supervisor_alert_kind_check
    check (kind in ('LOW_SURVEY', 'OVERDUE_CALLBACK', 'FAILED_CRITICAL', 'BROKEN_PROMISE'));
alter table promise add column alert_id bigint references supervisor_alert (id);
