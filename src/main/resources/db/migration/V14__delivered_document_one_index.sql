-- "Another document of this permit with the same status" (only asked when settling an attempt whose outcome
-- is unknown) finds the permit through the primary key (business_key, method, content_hash) and filters the
-- status; a second index on (business_key, status_code) cost one more index write for every delivery.
drop index if exists delivered_document_status;
