-- Whose contribution a report is about, so a moderator sees how often this author was reported before.
alter table flag add column target_author_id bigint;
update flag set target_author_id = (select i.author_id from idea i where i.id = flag.target_id)
    where target_type = 'IDEA';
update flag set target_author_id = (select r.author_id from reaction r where r.id = flag.target_id)
    where target_type = 'REACTION';
create index ix_flag_target_author on flag (target_author_id, resolved_at);
