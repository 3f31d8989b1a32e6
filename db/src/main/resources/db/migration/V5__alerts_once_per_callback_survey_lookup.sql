-- An overdue callback raises its supervisor alert once: the alert remembers its request, and a second one is refused.
alter table supervisor_alert add column callback_request_id bigint references callback_request (id);
create unique index supervisor_alert_overdue_once_idx on supervisor_alert (callback_request_id)
    where kind = 'OVERDUE_CALLBACK';
create index supervisor_alert_created_at_idx on supervisor_alert (created_at);

-- The overdue check scans only requests still waiting for their call.
create index callback_request_overdue_idx on callback_request (promised_by) where state in ('OPEN', 'DIALLING');

-- A survey answer knows its channel's Uniqueid (not always its server): find its leg, and answers stored before
-- their call was known.
create index call_leg_uniqueid_idx on call_leg (uniqueid);
create index survey_response_uniqueid_idx on survey_response (uniqueid) where call_id is null;
