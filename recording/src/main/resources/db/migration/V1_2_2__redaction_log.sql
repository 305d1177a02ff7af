-- recording module: where each transcript was redacted (kind and time span, never the content).
create table redaction_log (
    call_id       varchar(150) not null,
    seq           int          not null,
    speaker       varchar(16)  not null,
    start_seconds double precision not null,
    end_seconds   double precision not null,
    kind          varchar(80)  not null,
    words         int          not null,
    created_at    timestamp with time zone not null,
    primary key (call_id, seq)
);
