-- A run refused by a judgment gate (too many rows lost, too many records deleted) can be applied on
-- purpose by a steward: refused_gate says which gate held it (NULL for a refusal nobody can overrule,
-- such as a missing column or a file cut short), and an accepted run names who accepted it and which
-- refused run it applied.
ALTER TABLE feed_run
    ADD COLUMN refused_gate text CHECK (refused_gate IN ('row-count', 'deletion')),
    ADD COLUMN accepted_by text,
    ADD COLUMN accepts_run_id bigint REFERENCES feed_run (run_id);
