-- recording module: who holds a job's lease and since when (ADR 19). lease_holder is the server
-- instance's id (callcentre.instance-id), so a restarted instance releases at once the leases its
-- previous run died with; lease_taken_at tells one claim from the next, and every write a worker
-- makes at the end of its attempt requires both to be unchanged. indexed_at is when the call first
-- became searchable (a wrap-up indexes it again later, and leaves it as it was).
alter table recording_job add column lease_holder varchar(200);
alter table recording_job add column lease_taken_at timestamp with time zone;
alter table recording_job add column indexed_at timestamp with time zone;
create index recording_job_lease_holder on recording_job (lease_holder);
