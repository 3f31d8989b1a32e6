-- Issue 13: a recording is held from listening until card numbers read aloud in it are overwritten (telephony,
-- recordings feature). HELD: stored, not yet redacted; CLEARED: redaction ran (redacted_sec of it overwritten, 0 if
-- nothing was found); RELEASED: an admin released it by hand (recording_release says who and why); NOT_HELD: never
-- held. Recordings stored before this migration were never held: the default makes them NOT_HELD. The server names
-- the state of every recording it stores (HELD while callqa.redaction.mode is redact).
alter table recording
    add column clearance    text not null default 'NOT_HELD'
        check (clearance in ('HELD', 'CLEARED', 'RELEASED', 'NOT_HELD')),
    add column cleared_at   timestamptz,
    add column redacted_sec double precision;

-- Every release by hand of a held recording: who, when and why. Kept without a foreign key so the audit outlives an
-- erased recording.
create table recording_release (
    id           bigserial   primary key,
    recording_id bigint      not null,
    call_id      bigint      not null,
    released_by  text        not null,
    reason       text        not null check (length(reason) between 1 and 2000),
    released_at  timestamptz not null default now()
);
create index recording_release_call_idx on recording_release (call_id);
