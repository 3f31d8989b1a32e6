-- Issue 11: every transcribed call is checked automatically against the rules of its standard (qa-console: autoscore
-- feature). Kept apart from the human evaluations. A call has one current automatic evaluation; a re-evaluation (a new
-- transcript, a standard changed) adds a new one and keeps the earlier ones with their reviews.
create table automatic_evaluation (
    id                   bigint generated always as identity primary key,
    call_id              bigint           not null references call (id),
    scorecard_version_id bigint           not null references scorecard_version (id),
    agent                text,
    -- 0-100 over the automatic items that applied (N/A left out); null when none applied or the version has no rules.
    score                double precision,
    passed               boolean          not null default false,
    critical_failed      boolean          not null default false,
    current              boolean          not null default true,
    evaluated_at         timestamptz      not null default now()
);
create unique index automatic_evaluation_current_idx on automatic_evaluation (call_id) where current;
create index automatic_evaluation_call_idx on automatic_evaluation (call_id, id);
create index automatic_evaluation_agent_idx on automatic_evaluation (agent, evaluated_at) where current;

-- One item with a rule, as the engine decided it. evidence: [{"startSec":..,"endSec":..,"speaker":..,"words":..}].
create table automatic_evaluation_item (
    evaluation_id bigint           not null references automatic_evaluation (id) on delete cascade,
    seq           int              not null,
    item_key      text             not null,
    label         text             not null,
    critical      boolean          not null,
    outcome       text             not null check (outcome in ('PASS', 'FAIL', 'NA')),
    points        double precision,
    max_points    double precision not null,
    -- The item's weight in the score (as the scorecard weighs it): effective scores after a review are weighed alike.
    weight        double precision not null,
    reason        text,
    evidence      jsonb            not null default '[]',
    primary key (evaluation_id, item_key)
);

-- A supervisor's review of an automatic item: a confirmation, or an override with its own outcome, points and a
-- comment. Never updated: the latest review of an item is its effective value, the automatic one stays as it was.
create table automatic_review (
    id            bigint generated always as identity primary key,
    evaluation_id bigint           not null,
    item_key      text             not null,
    action        text             not null check (action in ('CONFIRM', 'OVERRIDE')),
    outcome       text             not null check (outcome in ('PASS', 'FAIL', 'NA')),
    points        double precision,
    comment       text,
    reviewer      text             not null,
    reviewed_at   timestamptz      not null default now(),
    foreign key (evaluation_id, item_key) references automatic_evaluation_item (evaluation_id, item_key),
    check (action = 'CONFIRM' or comment is not null)
);
create index automatic_review_item_idx on automatic_review (evaluation_id, item_key, id);

-- A re-evaluation of the transcribed calls started in [from_time, to_time) after a standard changed, in the
-- background: the calls are visited in call id order, last_call_id is where it got to (a restart resumes there).
create table automatic_reevaluation (
    id           bigint generated always as identity primary key,
    from_time    timestamptz not null,
    to_time      timestamptz not null,
    total        integer,
    done         integer     not null default 0,
    last_call_id bigint      not null default 0,
    requested_by text        not null,
    requested_at timestamptz not null default now(),
    finished_at  timestamptz,
    check (from_time < to_time)
);
