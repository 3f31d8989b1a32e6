-- A re-tagging no longer always adds an outbox row per call: a call that already has a row the indexer is sure to
-- apply after the category change (one beyond every row it had picked up when the re-tagging was asked) is left to
-- that row. Its rows are then runs of consecutive outbox rows, each run made only of the re-tagging's rows when it
-- was asked: its own new rows are one run, the rows it relies on one or more. Progress counts the rows of its runs not
-- applied yet; a row deleted since (its call erased) no longer needs applying. queued: the rows it added itself.
create table category_retag_range (
    retag_id  bigint  not null references category_retag (id) on delete cascade,
    first_seq bigint  not null,
    last_seq  bigint  not null,
    rows      integer not null,
    primary key (retag_id, first_seq)
);

alter table category_retag add column queued integer;

-- Re-taggings from before were one run of their own rows.
insert into category_retag_range (retag_id, first_seq, last_seq, rows)
select id, first_seq, last_seq, total from category_retag where first_seq is not null;

update category_retag set queued = total;

alter table category_retag alter column queued set not null;
