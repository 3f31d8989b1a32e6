-- Issue 12: a queue's wallboard thresholds (qa-console's floor feature). A queue without a row uses the defaults of
-- callqa.floor.thresholds.*. Each figure has a yellow and a red level: waiting callers, longest wait, abandoned today
-- and callbacks overdue turn yellow/red at or above theirs; service level today turns yellow/red below theirs.
create table queue_threshold (
    queue                    text          primary key check (length(queue) between 1 and 100),
    waiting_yellow           integer       not null check (waiting_yellow >= 0),
    waiting_red              integer       not null check (waiting_red >= waiting_yellow),
    longest_wait_yellow_sec  integer       not null check (longest_wait_yellow_sec >= 0),
    longest_wait_red_sec     integer       not null check (longest_wait_red_sec >= longest_wait_yellow_sec),
    service_level_yellow_pct numeric(5, 2) not null check (service_level_yellow_pct between 0 and 100),
    service_level_red_pct    numeric(5, 2) not null check (service_level_red_pct between 0 and service_level_yellow_pct),
    abandoned_yellow_pct     numeric(5, 2) not null check (abandoned_yellow_pct between 0 and 100),
    abandoned_red_pct        numeric(5, 2) not null check (abandoned_red_pct between abandoned_yellow_pct and 100),
    callbacks_overdue_yellow integer       not null check (callbacks_overdue_yellow >= 0),
    callbacks_overdue_red    integer       not null check (callbacks_overdue_red >= callbacks_overdue_yellow),
    updated_by               text          not null,
    updated_at               timestamptz   not null
);
