-- RECEIVED, MAPPED and QUEUED restate the message row, DELIVERED the attempt that delivered: a journey derives
-- them from those rows now (MessageJournal.events) instead of writing each twice on the hot path.
delete from journal_event where event in ('RECEIVED', 'MAPPED', 'QUEUED', 'DELIVERED');
