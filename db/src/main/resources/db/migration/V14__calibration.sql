-- Issue 11: calibration (qa-console: calibration feature). Human vs human: a supervisor's session in which several
-- supervisors score the same calls with one scorecard version, blind (nobody reads the others' answers before
-- submitting their own or before the session is closed); then the spread per item and the agreed answer the
-- session's owner records. (Automatic vs human needs no table: it reads automatic_evaluation and evaluation.)
create table calibration_session (
    id                   bigint generated always as identity primary key,
    title                text        not null,
    scorecard_version_id bigint      not null references scorecard_version (id),
    owner                text        not null,
    created_at           timestamptz not null default now(),
    closed_at            timestamptz
);

create table calibration_call (
    session_id bigint not null references calibration_session (id),
    call_id    bigint not null references call (id),
    seq        int    not null,
    primary key (session_id, call_id)
);

-- The owner is a participant too. submitted_at: the participant's answers are final (and the others' readable).
create table calibration_participant (
    session_id   bigint      not null references calibration_session (id),
    username     text        not null,
    submitted_at timestamptz,
    primary key (session_id, username)
);

-- value as in evaluation_item: YES_NO 1 yes / 0 no, POINTS 0..maxPoints; null with na.
create table calibration_answer (
    session_id  bigint           not null,
    call_id     bigint           not null,
    username    text             not null,
    item_key    text             not null,
    value       double precision,
    na          boolean          not null default false,
    comment     text,
    answered_at timestamptz      not null default now(),
    primary key (session_id, call_id, username, item_key),
    foreign key (session_id, call_id) references calibration_call (session_id, call_id),
    foreign key (session_id, username) references calibration_participant (session_id, username),
    check (na = (value is null))
);

-- The answer the session agreed on, per call and item, recorded by the owner (the latest one counts).
create table calibration_agreed (
    session_id bigint           not null,
    call_id    bigint           not null,
    item_key   text             not null,
    value      double precision,
    na         boolean          not null default false,
    comment    text,
    decided_by text             not null,
    decided_at timestamptz      not null default now(),
    primary key (session_id, call_id, item_key),
    foreign key (session_id, call_id) references calibration_call (session_id, call_id),
    check (na = (value is null))
);
create index calibration_participant_user_idx on calibration_participant (username);
