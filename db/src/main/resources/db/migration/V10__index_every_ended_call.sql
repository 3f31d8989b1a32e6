-- Issue 10: the index holds every ended call (with or without a transcript) and its filter facts (recording, QA score,
-- survey, callback). Queue every existing ended call once so an index built before this version gets the new fields;
-- uploads without a transcript are skipped by the indexer itself.
insert into index_outbox (call_id) select id from call where state = 'ENDED' order by id;

-- "Callback requested" is read per call by the indexer and the call list.
create index callback_request_origin_call_id_idx on callback_request (origin_call_id) where origin_call_id is not null;
