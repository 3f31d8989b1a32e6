-- An overdue callback raises its supervisor alert once: the alert remembers its request, and a second one is refused.
alter table supervisor_alert add column callback_request_id bigint references callback_request (id);
create unique index supervisor_alert_overdue_once_idx on supervisor_alert (callback_request_id)
    where kind = 'OVERDUE_CALLBACK';
create index supervisor_alert_created_at_idx on supervisor_alert (created_at);

-- The overdue check scans only requests still waiting for their call.
create index callback_request_overdue_idx on callback_request (promised_by) where state in ('OPEN', 'DIALLING');

-- Answers stored before their call was known (call_leg is indexed by Uniqueid in V3).
create index survey_response_uniqueid_idx on survey_response (uniqueid) where call_id is null;
