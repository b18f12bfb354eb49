-- REST pull sources keep an API's cursor as their position: opaque cursors (base64 of a JSON state) are far
-- longer than the 64 characters a timestamp or id needs. SET DATA TYPE is understood by PostgreSQL and H2.
alter table source_position alter column watermark set data type varchar(1024);
