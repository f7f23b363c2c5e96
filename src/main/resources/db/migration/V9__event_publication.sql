-- Spring Modulith's event publication registry (schema v2): an event for a module listener is stored in the
-- transaction that published it and marked complete when the listener has finished, so work that a crash
-- interrupted between commit and listener is done again at the next start.
create table event_publication (
    id                     uuid                     not null primary key,
    listener_id            varchar(512)             not null,
    event_type             varchar(512)             not null,
    serialized_event       varchar(16000)           not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index ix_event_publication_listener on event_publication (listener_id);
create index ix_event_publication_completion on event_publication (completion_date);
