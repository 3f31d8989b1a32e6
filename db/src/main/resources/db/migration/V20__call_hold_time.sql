-- Issue 11: hold time from telephony (AMI Hold/Unhold while the agent talks), so HOLD rules can apply. Seconds the
-- call spent on hold between answer and the end of the talk; null when not known (uploads, calls before this version,
-- calls never answered).
alter table call add column hold_sec double precision;
