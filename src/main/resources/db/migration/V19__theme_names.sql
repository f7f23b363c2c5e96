-- Names moderators give to the themes found in a consultation's ideas, and themes they merged into another. A
-- theme is found again, after every new computation, by its anchor: the idea nearest its centre when it was named.
create table theme_name (
    consultation_id bigint not null references consultation (id),
    anchor_idea_id bigint not null,
    name varchar(80),
    merged_into_anchor bigint,
    updated_by bigint not null,
    updated_at timestamp with time zone not null,
    primary key (consultation_id, anchor_idea_id)
);
