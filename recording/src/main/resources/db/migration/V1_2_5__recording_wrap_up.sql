-- recording module: a copy of the agent's wrap-up of each call (from CallDispositioned), indexed with the
-- call so QA can filter on business type, resolved and follow-up. An agent may correct a wrap-up:
-- each change raises the revision, and indexing records the revision it wrote, so a change that
-- lands while the call is being indexed is indexed again, never lost.
create table recording_wrap_up (
    call_id          varchar(150) primary key,
    agent            varchar(128) not null,
    business_type    varchar(80)  not null,
    resolved         boolean      not null,
    follow_up        boolean      not null,
    dispositioned_at timestamp with time zone not null,
    revision         int          not null
);
