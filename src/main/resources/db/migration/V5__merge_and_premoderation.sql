-- Merged duplicates point at the idea they were merged into; consultations can require approval of new posts.
alter table idea add column merged_into bigint references idea (id);
alter table consultation add column pre_moderation boolean not null default false;
