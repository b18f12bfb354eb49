-- journal_event(at) was never searched (journeys read by message id, retention deletes by message id), and every
-- event written paid for it.
drop index if exists journal_event_at;
