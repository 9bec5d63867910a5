-- Issue 8: the board reads open cases and the newest closed ones in stage order by entry time.
CREATE INDEX cases_stage_entered ON cases(stage, stage_entered_at DESC, id DESC);
