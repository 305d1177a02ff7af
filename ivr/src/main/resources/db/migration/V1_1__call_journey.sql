-- ivr module: one row per call, keyed by Asterisk's linkedid, and its steps.
create table call_journey (
    call_id        varchar(150) primary key,
    caller_id      varchar(80),
    started_at     timestamp with time zone not null,
    ended_at       timestamp with time zone not null,
    outcome        varchar(32)  not null,
    last_node      varchar(80)  not null,
    menu_choice    varchar(80),
    queue_name     varchar(80),
    queue_wait_ms  bigint,
    agent          varchar(128),
    recording_name varchar(255)
);

create table call_journey_step (
    call_id varchar(150) not null references call_journey (call_id),
    seq     int          not null,
    at      timestamp with time zone not null,
    node    varchar(80)  not null,
    event   varchar(40)  not null,
    detail  varchar(255) not null,
    primary key (call_id, seq)
);

create index call_journey_started_at on call_journey (started_at);
