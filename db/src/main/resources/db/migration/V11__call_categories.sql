-- Issue 10, item 4: categories are saved searches every call is tagged with when it is indexed (owned by
-- transcription). speaker: ANY, AGENT or CUSTOMER (whose words the query searches); matching: EXACT, STEMMED or
-- TOLERANT, as a search's.
create table call_category (
    id          bigserial primary key,
    name        text        not null,
    query       text        not null,
    speaker     text        not null default 'ANY' check (speaker in ('ANY', 'AGENT', 'CUSTOMER')),
    matching    text        not null default 'STEMMED' check (matching in ('EXACT', 'STEMMED', 'TOLERANT')),
    updated_by  text        not null,
    updated_at  timestamptz not null default now()
);

-- Names are what the index stores and filters on: unique regardless of case.
create unique index call_category_name_idx on call_category (lower(name));

-- A re-tagging of a period after a category changed: the outbox rows it added (first_seq..last_seq, total of them);
-- the indexer re-tags each call as it applies its row, so progress is read from the index's last applied row.
create table category_retag (
    id           bigserial primary key,
    from_time    timestamptz not null,
    to_time      timestamptz not null,
    first_seq    bigint,
    last_seq     bigint,
    total        integer     not null,
    requested_by text        not null,
    requested_at timestamptz not null default now()
);

insert into call_category (name, query, speaker, matching, updated_by) values
    ('Refund request', 'refund OR "money back"', 'CUSTOMER', 'STEMMED', 'system'),
    ('Cancellation', 'cancel OR cancellation OR "close my account"', 'CUSTOMER', 'STEMMED', 'system'),
    ('Asked for a manager', 'manager OR supervisor OR "speak to someone"', 'CUSTOMER', 'STEMMED', 'system');
