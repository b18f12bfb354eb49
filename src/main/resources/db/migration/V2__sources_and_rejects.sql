-- Where each source stands: the last row (watermark value + tie-breaker key) safely on the queue.
create table source_position (
    source_id   varchar(200) not null primary key,
    watermark   varchar(64),
    -- how to bind the watermark back into the legacy query: TIMESTAMP, NUMBER or TEXT
    watermark_type varchar(16),
    tie_key     varchar(256),
    tie_type    varchar(16),
    updated_at  timestamp with time zone not null,
    node        varchar(64)
);

-- Records that could not become a valid PIA document. Never dropped: kept with the source record and
-- every reason until they are replayed (after the mapping or the data was fixed) or dismissed.
create table reject (
    reject_id       varchar(36)   not null primary key,
    system_id       varchar(64)   not null,
    source_ref      varchar(512)  not null,
    method          varchar(40),
    mapping_version varchar(64),
    record          varchar(1000000) not null,
    reasons         varchar(20000) not null,
    created_at      timestamp with time zone not null,
    status          varchar(16)   not null,
    resolved_at     timestamp with time zone,
    message_id      varchar(36)
);
create index reject_system_status on reject (system_id, status, created_at);
