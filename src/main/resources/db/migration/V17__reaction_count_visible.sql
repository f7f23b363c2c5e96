-- An idea's reaction count is of reactions people can read: held back, hidden and deleted ones no longer count.
update idea set reaction_count = (
    select count(*) from reaction r where r.idea_id = idea.id and r.hidden = false and r.deleted = false);
