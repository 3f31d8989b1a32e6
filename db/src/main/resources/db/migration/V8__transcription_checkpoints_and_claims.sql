-- Resuming a transcription after a stop, and telling a host restart from a recording that kills its worker.
alter table transcription_job
    -- What a running transcription had recognised so far (per channel: the utterances and the sample offset of the
    -- last final result), saved every few audio seconds and on a graceful stop; the next claim resumes from it.
    add column checkpoint           jsonb,
    -- How far the checkpoint reaches (sum of the channels' offsets, in seconds); progress_sec at the claim.
    add column progress_sec         double precision not null default 0,
    add column claimed_progress_sec double precision not null default 0,
    -- Where the claiming worker ran: host name and the kernel's boot id (Linux), to recognise a reboot.
    add column lease_host           text,
    add column lease_boot           text;
