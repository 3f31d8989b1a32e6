-- Callback attempts (telephony: callbacks feature): where and how far each one got, so an attempt whose result never
-- arrives (AMI link lost) is timed out by the right deadline: a short one before the agent answered, a long one after.
alter table callback_attempt
    add column server        text,
    add column originated_at timestamptz;
create index callback_attempt_unfinished_idx on callback_attempt (started_at) where ended_at is null;
