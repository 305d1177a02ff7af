-- ivr module: the stretches during which a call's recording was paused (MixMonitorMute), for
-- the call's metadata. A row is open (resumed_at null) while the recording is paused; the call's
-- end closes it. Offsets into the recording count from recording_started_at (agent connected).
create table recording_pause (
    call_id              varchar(150) not null,
    seq                  int          not null,
    recording_started_at timestamp with time zone not null,
    paused_at            timestamp with time zone not null,
    paused_by            varchar(128),
    paused_via           varchar(16)  not null,  -- API, DTMF
    resumed_at           timestamp with time zone,
    resumed_by           varchar(128),
    resumed_via          varchar(16),            -- API, DTMF, CALL_END
    primary key (call_id, seq)
);
