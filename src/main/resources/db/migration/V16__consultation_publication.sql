-- A consultation is a draft until it is published; a moment in the future plans the publication.
alter table consultation add column published_from timestamp with time zone;
-- Everything that existed before drafts did was already public.
update consultation set published_from = created_at;
