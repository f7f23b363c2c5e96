-- Polis's math state per consultation (who is in the conversation, components, base clusters, group clusterings
-- per k, the k smoother), so a live consultation's groups evolve from one update to the next and survive restarts.
create table opinion_group_state (
    consultation_id bigint                   not null primary key references consultation (id),
    state           text                     not null,
    updated_at      timestamp with time zone not null
);
