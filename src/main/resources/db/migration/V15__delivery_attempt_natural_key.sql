-- An attempt is identified by its message and its number. With that as the primary key an attempt costs one
-- index entry instead of three (the surrogate id, its sequence, and the (message_id, attempt_no) index), and
-- a delivery records one before each POST. Rebuilt as a new table, which H2 and PostgreSQL both do the same way.
create table delivery_attempt_by_message (
    message_id  varchar(36) not null,
    attempt_no  integer     not null,
    started_at  timestamp with time zone not null,
    finished_at timestamp with time zone,
    outcome     varchar(20),
    http_status integer,
    oss_kode    integer,
    keterangan  varchar(500),
    latency_ms  integer,
    node        varchar(64),
    primary key (message_id, attempt_no)
);
insert into delivery_attempt_by_message (message_id, attempt_no, started_at, finished_at, outcome, http_status,
                                         oss_kode, keterangan, latency_ms, node)
select message_id, attempt_no, min(started_at), max(finished_at), max(outcome), max(http_status), max(oss_kode),
       max(keterangan), max(latency_ms), max(node)
from delivery_attempt group by message_id, attempt_no;
drop table delivery_attempt;
alter table delivery_attempt_by_message rename to delivery_attempt;
