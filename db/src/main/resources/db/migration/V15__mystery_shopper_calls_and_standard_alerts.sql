-- Issue 11: mystery-shopper calls (qa-console: mystery feature). A call is a test call when it has a row here, whether
-- its caller number is on the list or it was marked through the API. Scored with a standard of its own, reported
-- apart, and left out of the agents' regular averages: every average that means "how the agent does" skips these.
create table mystery_shopper_call (
    call_id   bigint      primary key references call (id),
    source    text        not null check (source in ('NUMBER', 'API')),
    marked_by text        not null,
    marked_at timestamptz not null default now()
);

-- Automatic results raise alerts too: a failed critical item on an automatic evaluation, and an agent whose daily
-- automatic average fell under the standard's pass mark.
alter table supervisor_alert drop constraint supervisor_alert_kind_check;
alter table supervisor_alert add constraint supervisor_alert_kind_check
    check (kind in ('LOW_SURVEY', 'OVERDUE_CALLBACK', 'FAILED_CRITICAL', 'BROKEN_PROMISE', 'AUTOMATIC_FAILED_CRITICAL',
                    'BELOW_PASS_MARK'));
