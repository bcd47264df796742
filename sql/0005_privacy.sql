-- Data protection in practice: a legal hold stops erasure of a case; an erased case keeps a tombstone (code, dates,
-- topics) with the day it was erased, while its identity, notes and keys are gone.

ALTER TABLE case_file ADD COLUMN legal_hold_reason TEXT;
ALTER TABLE case_file ADD COLUMN erased_on TEXT;

CREATE INDEX ix_case_retention ON case_file (status, closed_on) WHERE erased_on IS NULL;
CREATE INDEX ix_idempotency_created ON idempotency_key (created_at);
