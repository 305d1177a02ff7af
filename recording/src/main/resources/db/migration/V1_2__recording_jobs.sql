-- recording module: the durable job queue from finished call to indexed transcript, with the
-- call's facts copied from its CallEnded event, and the transcripts it produced.
create table recording_job (
    call_id         varchar(150) primary key,
    recording_name  varchar(255),
    call_started_at timestamp with time zone not null,
    call_ended_at   timestamp with time zone not null,
    outcome         varchar(32)  not null,
    last_node       varchar(80)  not null,
    menu_choice     varchar(80),
    queue_name      varchar(80),
    agent           varchar(128),
    stage           varchar(16)  not null,  -- TRANSCRIBE, INDEX, DONE, FAILED
    attempts        int          not null,
    last_error      varchar(1000),
    due_at          timestamp with time zone not null,
    lease_until     timestamp with time zone,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null
);
create index recording_job_due on recording_job (stage, due_at);

create table transcript (
    call_id    varchar(150) primary key references recording_job (call_id),
    utterances text         not null,   -- JSON array of utterances with words and times
    created_at timestamp with time zone not null
);
