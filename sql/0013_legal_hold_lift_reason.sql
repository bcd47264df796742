-- Issue 15: a legal hold is lifted with a reason, as it is set with one. The reason may name the client, so it is
-- sealed under the case's data key (context case:{id}:legal-hold-lifted), like the hold's own reason. It is kept until
-- the next hold is set, and cleared with erasure.
ALTER TABLE case_file ADD COLUMN legal_hold_lifted_sealed BLOB;
