-- recording module: the recording of the call's IVR part in the spool, copied from its CallEnded
-- event, when the hotline records IVR parts (callcentre.ivr.recording.ivr-part). Null: none.
alter table recording_job add column ivr_recording_name varchar(255);
