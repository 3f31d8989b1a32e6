-- Issue 11: the daily standards report's alerts (qa-console: standardsreport feature). A scheduled job raises them and
-- remembers here what it raised, so each is raised once and a restart catches up with what it missed.

-- AUTOMATIC_FAILED_CRITICAL: once per call, whichever of its automatic evaluations failed a critical item first; a
-- re-evaluation of the same call raises nothing new.
create table automatic_critical_alert (
    call_id       bigint      primary key references call (id),
    -- The evaluation that raised it (no foreign key: autoscore may prune replaced evaluations).
    evaluation_id bigint      not null,
    alert_id      bigint      references supervisor_alert (id),
    alerted_at    timestamptz not null default now()
);

-- BELOW_PASS_MARK: every finished day of every agent is checked once (a row with or without an alert), so a day is
-- never alerted twice and a day checked is not checked again when its calls are re-evaluated later.
create table pass_mark_check (
    agent      text             not null,
    day        date             not null,
    zone       text             not null,
    calls      int              not null,
    average    double precision,
    pass_mark  double precision,
    alert_id   bigint           references supervisor_alert (id),
    checked_at timestamptz      not null default now(),
    primary key (agent, day)
);

-- The job looks for current evaluations with a failed critical item evaluated lately.
create index automatic_evaluation_critical_idx on automatic_evaluation (evaluated_at) where current and critical_failed;
