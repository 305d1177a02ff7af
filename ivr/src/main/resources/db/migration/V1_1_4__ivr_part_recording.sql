-- ivr module: the recording of a call's IVR part (callcentre.ivr.recording.ivr-part), if it was
-- recorded: its file name in the recording spool. Null: not recorded.
alter table call_journey add column ivr_recording_name varchar(255);
