-- Files a drop source read to the end, so that the same file dropped again (same name, size and SHA-256) is
-- recognised and not processed twice. Shared by all nodes. A file with a reused name but other content is
-- a new file: the key is the whole fingerprint.
create table processed_file (
    system_id    varchar(64)  not null,
    file_name    varchar(255) not null,
    size_bytes   bigint       not null,
    sha256       varchar(64)  not null,
    record_count bigint       not null,
    processed_at timestamp with time zone not null,
    node         varchar(64),
    primary key (system_id, file_name, size_bytes, sha256)
);
