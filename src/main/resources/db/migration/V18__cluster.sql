-- Cluster mode: parts that several application nodes share through the database.

-- ShedLock: scheduled work runs on one node at a time.
create table shedlock (
    name varchar(64) not null primary key,
    lock_until timestamp not null,
    locked_at timestamp not null,
    locked_by varchar(255) not null
);

-- bucket4j: rate-limit buckets counted for the whole cluster (used only in cluster mode, on PostgreSQL).
create table bucket (
    id varchar(200) not null primary key,
    state bytea,
    expires_at bigint
);
create index bucket_expires on bucket (expires_at);

-- Hibernate Search's outbox-polling coordination (cluster mode): entity changes to index, and the nodes that
-- process them. As Hibernate Search 8.2 maps them (generated from its mapping on PostgreSQL).
create table hsearch_agent (
    assigned_shard_index integer,
    total_shard_count integer,
    expiration timestamp(6) with time zone not null,
    id uuid not null,
    name varchar(255) not null,
    state varchar(255) not null check (state in ('RUNNING', 'WAITING', 'SUSPENDED')),
    tenant_id varchar(255),
    type varchar(255) not null
        check (type in ('EVENT_PROCESSING_DYNAMIC_SHARDING', 'EVENT_PROCESSING_STATIC_SHARDING', 'MASS_INDEXING')),
    payload bytea,
    primary key (id)
);
create table hsearch_outbox_event (
    entity_id_hash integer not null,
    retries integer not null,
    process_after timestamp(6) with time zone not null,
    id uuid not null,
    entity_id varchar(256) not null,
    entity_name varchar(256) not null,
    status varchar(255) not null check (status in ('PENDING', 'ABORTED')),
    tenant_id varchar(255),
    payload bytea not null,
    primary key (id)
);
create index hsearch_outbox_event_process_after on hsearch_outbox_event (process_after);
