-- Calls and their recordings: written by telephony (calls feature).
create table call (
    id            bigint generated always as identity primary key,
    source        text        not null default 'UPLOAD' check (source in ('UPLOAD', 'ASTERISK')),
    agent         text,
    queue         text,
    direction     text        not null default 'INBOUND' check (direction in ('INBOUND', 'OUTBOUND', 'INTERNAL')),
    caller_number text,
    started_at    timestamptz not null,
    ended_at      timestamptz,
    duration_sec  double precision,
    outcome       text,
    created_at    timestamptz not null default now()
);
create index call_started_at_idx on call (started_at);
create index call_agent_started_at_idx on call (agent, started_at);
create index call_queue_started_at_idx on call (queue, started_at);

create table recording (
    id            bigint generated always as identity primary key,
    call_id       bigint      not null references call (id),
    path          text        not null,
    original_name text,
    size_bytes    bigint      not null,
    -- Which speaker each channel of a multi-channel file holds, e.g. 'agent,customer'.
    channel_map   text,
    created_at    timestamptz not null default now()
);
create index recording_call_id_idx on recording (call_id);

-- Durable transcription queue: written by transcription (jobs feature).
-- Workers claim with FOR UPDATE SKIP LOCKED and hold a lease; an expired lease is claimed again.
create table transcription_job (
    id             bigint generated always as identity primary key,
    call_id        bigint      not null references call (id),
    recording_id   bigint      not null unique references recording (id),
    state          text        not null check (state in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    attempts       int         not null default 0,
    max_attempts   int         not null,
    available_at   timestamptz not null default now(),
    lease_owner    text,
    lease_until    timestamptz,
    failure_reason text,
    -- What the file's header says, known once probed.
    audio_encoding text,
    sample_rate    int,
    channels       int,
    audio_sec      double precision,
    created_at     timestamptz not null default now(),
    started_at     timestamptz,
    finished_at    timestamptz
);
create index transcription_job_call_id_idx on transcription_job (call_id);
create index transcription_job_ready_idx on transcription_job (available_at) where state = 'QUEUED';
create index transcription_job_lease_idx on transcription_job (lease_until) where state = 'RUNNING';

-- Transcripts: written by transcription (jobs feature) when a job completes; one per call.
create table transcript (
    call_id      bigint primary key references call (id),
    recording_id bigint           not null references recording (id),
    job_id       bigint           not null references transcription_job (id),
    model        text             not null,
    audio_sec    double precision not null,
    created_at   timestamptz      not null default now()
);

create table utterance (
    call_id   bigint           not null references transcript (call_id) on delete cascade,
    seq       int              not null,
    speaker   text             not null,
    start_sec double precision not null,
    end_sec   double precision not null,
    text      text             not null,
    -- Words with times and confidence, [{"w":"refund","s":1.2,"e":1.5,"c":0.98}, ...]: always read with their utterance.
    words     jsonb            not null,
    primary key (call_id, seq)
);

-- What the Lucene index must (re)index, in commit order: written by transcription in the transaction that stores a
-- transcript, read by the indexer, whose commits record the last sequence number applied.
create table index_outbox (
    seq        bigint generated always as identity primary key,
    call_id    bigint      not null references call (id),
    created_at timestamptz not null default now()
);
