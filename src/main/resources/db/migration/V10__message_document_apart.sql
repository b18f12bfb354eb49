-- The document of a message is written once and read rarely (journey, replay), while the message row is
-- updated at every step of its delivery. Kept apart, a state update rewrites a small row, not the document
-- with it: on H2 every update rewrites the row's page, on PostgreSQL the row's tuple.
create table message_document (
    message_id varchar(36)      not null primary key,
    document   varchar(1000000) not null
);
insert into message_document (message_id, document) select message_id, document from message;
alter table message drop column document;
