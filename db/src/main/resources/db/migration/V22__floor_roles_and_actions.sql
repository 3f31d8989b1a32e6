-- Issue 12: the live floor (qa-console: users and floor features).
-- A read-only wallboard user (a TV in the room): sees the wallboard and nothing else.
alter table app_user drop constraint app_user_role_check;
alter table app_user add constraint app_user_role_check
    check (role in ('AGENT', 'SUPERVISOR', 'MANAGER', 'ADMIN', 'WALLBOARD'));

-- The supervisor's own device (e.g. PJSIP/2001): listen, whisper and barge ring it, then ChanSpy on the agent.
alter table app_user add column phone text;

-- The queues a supervisor acts on ('*': every queue). Admins act anywhere; other roles act on no queue.
create table user_queue (
    user_id bigint not null references app_user (id) on delete cascade,
    queue   text   not null,
    primary key (user_id, queue)
);

-- Every action on the live floor, done or refused: who, what, on which agent and queue(s), with which pause reason,
-- and how it ended (DONE, FORBIDDEN, INVALID, or why Asterisk or the floor could not do it).
create table floor_action (
    id         bigint generated always as identity primary key,
    at         timestamptz not null default now(),
    username   text        not null,
    user_role  text        not null,
    action     text        not null check (action in ('PAUSE', 'UNPAUSE', 'QUEUE_ADD', 'QUEUE_REMOVE', 'LISTEN',
                                                      'WHISPER', 'BARGE')),
    agent      text        not null,
    -- The queue asked for (null: every queue of the agent).
    queue      text,
    -- The queues the action concerned (the one asked for, or the agent's, or the spied call's): whose supervisors
    -- see the row.
    queues     text[]      not null default '{}',
    reason     text,
    phone      text,
    outcome    text        not null,
    detail     text
);
create index floor_action_at_idx on floor_action (at);
create index floor_action_queues_idx on floor_action using gin (queues);
