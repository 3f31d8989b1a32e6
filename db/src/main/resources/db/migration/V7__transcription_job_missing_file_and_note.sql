-- transcription (jobs feature).
-- failure_code: why a job FAILED in a form the server acts on. MISSING_FILE jobs are queued again on their own once
-- their recording's file exists (and earlier servers marked jobs of existing files "missing": see below).
-- truncated/note: a job DONE on part of its file (the WAV header declares more audio than the file holds).
alter table transcription_job
    add column failure_code text,
    add column truncated    boolean not null default false,
    add column note         text;

-- Jobs failed as "missing" before the code existed: most had their file all along (the worker looked at the call's
-- newest recording instead of the job's own), so they get their chance again.
update transcription_job set failure_code = 'MISSING_FILE'
where state = 'FAILED' and failure_reason like 'The recording file is missing:%';

create index transcription_job_missing_file_idx on transcription_job (id)
    where state = 'FAILED' and failure_code = 'MISSING_FILE';
