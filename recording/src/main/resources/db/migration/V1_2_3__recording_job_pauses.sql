-- recording module: the stretches in which the call's recording was paused, copied from its
-- CallEnded event (JSON array of RecordingPause) for the call's index document. Null: none.
alter table recording_job add column recording_pauses text;
