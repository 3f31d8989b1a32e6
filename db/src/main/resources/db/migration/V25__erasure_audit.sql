-- Issue 13: erasure on request (qa-console: erasure feature). One row per erasure of a customer number: who, when, why
-- (the request's reference, checked not to contain the number), how many of each kind were erased or anonymised, and
-- the calls kept (under a legal hold, or still in progress). Nothing of the number itself, not even a hash: phone
-- numbers are few enough to hash them all, so a hash would keep the number for whoever reads this table.
create table erasure_audit (
    id              bigint generated always as identity primary key,
    erased_at       timestamptz not null default now(),
    erased_by       text        not null,
    reason          text        not null,
    calls           int         not null,
    recordings      int         not null,
    transcripts     int         not null,
    callbacks       int         not null,
    survey_answers  int         not null,
    comments        int         not null,
    kept_held       bigint[]    not null default '{}',
    kept_in_progress bigint[]   not null default '{}'
);
create index erasure_audit_erased_at_idx on erasure_audit (erased_at);
