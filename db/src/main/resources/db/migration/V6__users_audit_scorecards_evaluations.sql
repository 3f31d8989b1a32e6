-- Console users (qa-console: users feature). An AGENT user is linked to the Asterisk queue member name it answers
-- as, and sees only that agent's calls.
create table app_user (
    id            bigint generated always as identity primary key,
    username      text        not null unique,
    password_hash text        not null,
    role          text        not null check (role in ('AGENT', 'SUPERVISOR', 'MANAGER', 'ADMIN')),
    agent_name    text,
    display_name  text,
    enabled       boolean     not null default true,
    created_at    timestamptz not null default now(),
    check (role <> 'AGENT' or agent_name is not null)
);
create unique index app_user_agent_name_idx on app_user (agent_name) where agent_name is not null;

-- Every playback or download of a recording (qa-console: calls feature).
create table recording_access (
    id        bigint generated always as identity primary key,
    username  text        not null,
    call_id   bigint      not null references call (id),
    action    text        not null check (action in ('PLAY', 'DOWNLOAD')),
    range     text,
    at        timestamptz not null default now()
);
create index recording_access_call_idx on recording_access (call_id, at);

-- Service standards as versioned scorecards (qa-console: scoring feature). A version is immutable: editing the
-- standard creates the next version; evaluations keep the version they used.
create table standard (
    id          bigint generated always as identity primary key,
    name        text        not null unique,
    description text,
    created_at  timestamptz not null default now()
);

create table scorecard_version (
    id             bigint generated always as identity primary key,
    standard_id    bigint      not null references standard (id),
    version        int         not null,
    -- {"sections":[{"name":..., "items":[{"key":..., "label":..., "weight":..., "type":"YES_NO"|"POINTS",
    --   "maxPoints":..., "naAllowed":..., "critical":..., "guidance":...}]}]}
    definition     jsonb       not null,
    pass_threshold double precision not null check (pass_threshold between 0 and 100),
    created_by     text,
    created_at     timestamptz not null default now(),
    unique (standard_id, version)
);

-- Which standard scores a queue's calls (the default standard scores the rest).
create table scorecard_assignment (
    queue       text primary key,
    standard_id bigint not null references standard (id)
);

-- An evaluation of one call against one scorecard version. Submitted ones are never changed: a correction is a new
-- revision that points to the one it replaces.
create table evaluation (
    id                   bigint generated always as identity primary key,
    call_id              bigint      not null references call (id),
    scorecard_version_id bigint      not null references scorecard_version (id),
    agent                text,
    evaluator            text        not null,
    revision             int         not null default 1,
    supersedes_id        bigint references evaluation (id),
    state                text        not null check (state in ('DRAFT', 'SUBMITTED', 'ACKNOWLEDGED', 'DISPUTED',
                                                              'RESOLVED', 'SUPERSEDED')),
    score                double precision,
    passed               boolean,
    critical_failed      boolean     not null default false,
    comment              text,
    created_at           timestamptz not null default now(),
    submitted_at         timestamptz,
    agent_comment        text,
    responded_at         timestamptz,
    resolution_comment   text,
    resolved_at          timestamptz
);
create index evaluation_call_idx on evaluation (call_id);
create index evaluation_agent_idx on evaluation (agent, submitted_at);

create table evaluation_item (
    evaluation_id bigint not null references evaluation (id),
    item_key      text   not null,
    -- YES_NO: 1 yes / 0 no; POINTS: 0..maxPoints; null with na = true.
    value         double precision,
    na            boolean not null default false,
    comment       text,
    -- The moment of the recording the item is about (evidence), in seconds.
    evidence_sec  double precision,
    primary key (evaluation_id, item_key)
);
