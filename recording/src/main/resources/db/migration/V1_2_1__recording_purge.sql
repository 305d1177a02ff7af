-- recording module: the audit trail of the retention purge. One row per purged call: what was
-- deleted, under which retention, and when. Kept after the recording itself is gone.
create table recording_purge (
    call_id           varchar(150) primary key,
    queue_name        varchar(80),
    call_ended_at     timestamp with time zone not null,
    retention         varchar(32)  not null,
    recording_parts   int          not null,
    transcript        boolean      not null,
    purged_at         timestamp with time zone not null
);
create index recording_job_ended on recording_job (call_ended_at);
