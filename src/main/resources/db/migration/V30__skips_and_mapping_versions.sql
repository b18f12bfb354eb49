-- Records a mapping skips on purpose (a routing rule's "skip"), one row per source record (the latest skip of
-- it), with the reason, so that OPD staff can see per row why it was not sent. The record is sealed like a
-- reject's (personal data at rest).
create table skipped_record (
    skip_id         varchar(36)   not null primary key,
    system_id       varchar(64)   not null,
    source_ref      varchar(512)  not null,
    mapping_version varchar(64),
    reason          varchar(2000) not null,
    record          varchar(1000000) not null,
    skipped_at      timestamp with time zone not null
);
create index skipped_record_system on skipped_record (system_id, skipped_at);

-- Mappings edited in the console or the API. Every saved text is a new version, kept for good; a version
-- saved by OPD staff waits (SUBMITTED) until an integrator or operator approves it by its number. Files in
-- mappings/ stay the defaults integrators ship: a system with a live row here runs that version instead.
create table mapping_version (
    system_id   varchar(80)   not null,
    version_no  integer       not null,
    yaml        varchar(200000) not null,
    state       varchar(16)   not null,
    based_on    integer,
    note        varchar(2000),
    created_by  varchar(100)  not null,
    created_at  timestamp with time zone not null,
    decided_by  varchar(100),
    decided_at  timestamp with time zone,
    primary key (system_id, version_no)
);

-- Which approved version of a system's mapping is in force. Every node reads it on its reload tick, so an
-- approval or a rollback reaches all nodes without a restart.
create table mapping_live (
    system_id  varchar(80)  not null primary key,
    version_no integer      not null,
    since      timestamp with time zone not null,
    set_by     varchar(100) not null
);

-- The sample rows a system's mapping is previewed on in the editor (CSV or JSON as pasted), sealed.
create table mapping_sample (
    system_id  varchar(80)    not null primary key,
    sample     varchar(1000000) not null,
    updated_by varchar(100)   not null,
    updated_at timestamp with time zone not null
);
