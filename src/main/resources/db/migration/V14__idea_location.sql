-- An idea may point at a place in the municipality (a crossing, a playground). It is the idea's place, never a
-- resident's address; both coordinates or neither.
alter table idea add column latitude double precision;
alter table idea add column longitude double precision;
alter table idea add constraint ck_idea_location check ((latitude is null) = (longitude is null));
