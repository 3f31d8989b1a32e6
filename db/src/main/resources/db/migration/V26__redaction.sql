-- Issue 13: what was redacted in a call's transcript (card numbers, security codes, configured patterns), or in
-- highlight mode would have been. Written with the transcript, in its transaction; replaced with it.
create table redaction (
    call_id   bigint           not null references transcript (call_id) on delete cascade,
    seq       int              not null,
    -- "card number", "security code" or a configured pattern's name; the transcript shows [kind] in its place.
    kind      text             not null,
    speaker   text             not null,
    start_sec double precision not null,
    end_sec   double precision not null,
    -- true: words replaced and audio overwritten; false: highlight mode, found and kept as heard.
    redacted  boolean          not null,
    -- The words as heard, in highlight mode only: nothing of a redacted span is kept.
    heard     text,
    primary key (call_id, seq),
    check (not redacted or heard is null)
);
