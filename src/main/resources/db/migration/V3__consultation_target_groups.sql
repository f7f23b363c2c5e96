-- The groups a consultation especially wants to reach (doelgroepen), e.g. "jongeren van 18 tot 35".
create table consultation_target_group (
    consultation_id  bigint      not null references consultation (id) on delete cascade,
    position         integer     not null,
    name             varchar(80) not null,
    primary key (consultation_id, position)
);
