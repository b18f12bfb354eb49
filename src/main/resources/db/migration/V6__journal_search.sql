-- Indexes for the journal search (GET /api/v1/messages) and its retention job. Every search pages newest first
-- on (received_at, message_id) with a keyset condition, so each filter has an index that ends in received_at:
-- nib and business_key have one since V1; system alone, state alone and no filter at all get theirs here.
-- Portable: plain CREATE INDEX / DROP INDEX IF EXISTS work on H2 and PostgreSQL alike.

create index message_system_received on message (system_id, received_at, message_id);
create index message_state_received on message (state, received_at, message_id);

-- no filter: the newest messages in keyset order; replaces the index on received_at alone
create index message_received_id on message (received_at, message_id);
drop index if exists message_received;

-- retention: delivered messages by when they were delivered
create index message_state_at on message (state, state_at);
