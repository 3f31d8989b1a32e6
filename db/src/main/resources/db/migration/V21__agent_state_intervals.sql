-- Issue 12: the live floor's agent states over time (telephony: floor feature writes, metrics feature reads). One row
-- per stretch of one state of one agent (added up over their queues and servers, as the wallboard shows it); the
-- current stretch has no end yet (ended_at null) and its seen_at moves forward every minute while the server runs.
-- Logged out is the absence of a row. A server that stops leaves its last stretches open: the next start ends each
-- at its seen_at, the last moment the state was known.
create table agent_state_interval (
    id            bigint generated always as identity primary key,
    agent         text        not null,
    state         text        not null check (state in ('UNAVAILABLE', 'AVAILABLE', 'RINGING', 'ON_CALL', 'PAUSED')),
    pause_reason  text,
    started_at    timestamptz not null,
    ended_at      timestamptz,
    seen_at       timestamptz not null,
    check (ended_at is null or ended_at >= started_at)
);
create index agent_state_interval_agent_idx on agent_state_interval (agent, started_at);
create index agent_state_interval_started_idx on agent_state_interval (started_at);
-- At most one open stretch per agent.
create unique index agent_state_interval_open_idx on agent_state_interval (agent) where ended_at is null;
