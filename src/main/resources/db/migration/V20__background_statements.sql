-- A background statement asks about the participant (age, neighbourhood, …) rather than for an opinion: Polis's
-- "metadata" statements (is-meta in its exports). Votes on it are kept and counted, but, as in Polis's math, it takes
-- no part in the opinion groups, their representative statements or the consensus.
alter table idea add column background boolean not null default false;
