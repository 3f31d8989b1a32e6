-- A recording file or an AGI request names a Uniqueid without its server: find the call by Uniqueid alone.
create index call_leg_uniqueid_idx on call_leg (uniqueid);
