-- The partner directory and referrals onward, with the client's consent or a recorded legal basis.
--
-- Seeded from the centre's cooperation list (DESIGN.md). ASSUMPTIONS, to be checked by the centre: the kind and
-- topics of each partner were chosen from its name; religious communities other than the DITIB congregations, the
-- institutes and the businesses are cooperation partners that do not take individual referrals; contact fields are
-- empty until the centre fills them in (admin: PUT /api/v1/partners/{id}).

CREATE TABLE partner (
    id               TEXT PRIMARY KEY,
    name             TEXT NOT NULL UNIQUE,
    kind             TEXT NOT NULL CHECK (kind IN ('public-office', 'welfare-association', 'round-table', 'family-centre',
                                                   'religious-community', 'institute', 'association', 'school', 'business')),
    contact_person   TEXT,
    email            TEXT,
    phone            TEXT,
    address          TEXT,
    takes_referrals  INTEGER NOT NULL CHECK (takes_referrals IN (0, 1)),
    retired          INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    created_at       TEXT NOT NULL DEFAULT '2026-11-26T00:00:00.000000000Z',
    updated_at       TEXT NOT NULL DEFAULT '2026-11-26T00:00:00.000000000Z'
);

CREATE TABLE partner_topic (
    partner_id  TEXT NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
    topic_code  TEXT NOT NULL REFERENCES topic (code),
    PRIMARY KEY (partner_id, topic_code)
);

CREATE INDEX ix_partner_topic_topic ON partner_topic (topic_code);

INSERT INTO partner (id, name, kind, takes_referrals) VALUES
    ('01a21000-0000-7000-8000-000000000001', 'Referat für Integration', 'public-office', 1),
    ('01a21000-0000-7000-8000-000000000002', 'Seniorenamt der Stadt Duisburg', 'public-office', 1),
    ('01a21000-0000-7000-8000-000000000003', 'Diakonie', 'welfare-association', 1),
    ('01a21000-0000-7000-8000-000000000004', 'Caritas Duisburg', 'welfare-association', 1),
    ('01a21000-0000-7000-8000-000000000005', 'Runder Tisch Demenz', 'round-table', 1),
    ('01a21000-0000-7000-8000-000000000006', 'Senioren BBZ Hermannstraße', 'association', 1),
    ('01a21000-0000-7000-8000-000000000007', 'Multikulturelles Seniorenzentrum der DRK', 'welfare-association', 1),
    ('01a21000-0000-7000-8000-000000000008', 'Frauennetzwerk Du-Nord', 'association', 1),
    ('01a21000-0000-7000-8000-000000000009', 'Runder Tisch Gewaltschutzgesetz', 'round-table', 1),
    ('01a21000-0000-7000-8000-000000000010', 'Familienzentrum Hermannstraße', 'family-centre', 1),
    ('01a21000-0000-7000-8000-000000000011', 'Familienzentrum Meiderich', 'family-centre', 1),
    ('01a21000-0000-7000-8000-000000000012', 'Jüdische Gemeinde Duisburg/Mülheim/Oberhausen', 'religious-community', 0),
    ('01a21000-0000-7000-8000-000000000013', 'Kath. Gemeinde St. Peter und Paul', 'religious-community', 0),
    ('01a21000-0000-7000-8000-000000000014', 'Evang. Bonhoeffer Gemeinde Marxloh', 'religious-community', 0),
    ('01a21000-0000-7000-8000-000000000015', 'Schulen im Duisburger Norden', 'school', 1),
    ('01a21000-0000-7000-8000-000000000016', 'DITIB Gemeinden in Duisburg und Umgebung', 'religious-community', 1),
    ('01a21000-0000-7000-8000-000000000017', 'TIAD – Verein Türkischer Unternehmen in Duisburg', 'business', 0),
    ('01a21000-0000-7000-8000-000000000018', 'IMAP – Institut für interkulturelle Management- und Politikberatung', 'institute', 0),
    ('01a21000-0000-7000-8000-000000000019', 'RISP-MIKOM – Institut Universität Duisburg-Essen', 'institute', 0),
    ('01a21000-0000-7000-8000-000000000020', 'Phönix e.V. – Anti-Rassismus-Trainings', 'association', 1),
    ('01a21000-0000-7000-8000-000000000021', 'ARIC – Anti-Rassismus Informations-Zentrum', 'association', 1),
    ('01a21000-0000-7000-8000-000000000022', 'Volksbank Rhein Ruhr', 'business', 0);

INSERT INTO partner_topic (partner_id, topic_code) VALUES
    ('01a21000-0000-7000-8000-000000000001', 'integration'),
    ('01a21000-0000-7000-8000-000000000001', 'anti-discrimination'),
    ('01a21000-0000-7000-8000-000000000001', 'general'),
    ('01a21000-0000-7000-8000-000000000002', 'seniors'),
    ('01a21000-0000-7000-8000-000000000002', 'dementia'),
    ('01a21000-0000-7000-8000-000000000002', 'social-benefits'),
    ('01a21000-0000-7000-8000-000000000003', 'social-benefits'),
    ('01a21000-0000-7000-8000-000000000003', 'family'),
    ('01a21000-0000-7000-8000-000000000003', 'seniors'),
    ('01a21000-0000-7000-8000-000000000003', 'health'),
    ('01a21000-0000-7000-8000-000000000003', 'general'),
    ('01a21000-0000-7000-8000-000000000004', 'social-benefits'),
    ('01a21000-0000-7000-8000-000000000004', 'family'),
    ('01a21000-0000-7000-8000-000000000004', 'seniors'),
    ('01a21000-0000-7000-8000-000000000004', 'health'),
    ('01a21000-0000-7000-8000-000000000004', 'integration'),
    ('01a21000-0000-7000-8000-000000000004', 'general'),
    ('01a21000-0000-7000-8000-000000000005', 'dementia'),
    ('01a21000-0000-7000-8000-000000000005', 'seniors'),
    ('01a21000-0000-7000-8000-000000000006', 'seniors'),
    ('01a21000-0000-7000-8000-000000000007', 'seniors'),
    ('01a21000-0000-7000-8000-000000000007', 'dementia'),
    ('01a21000-0000-7000-8000-000000000008', 'women'),
    ('01a21000-0000-7000-8000-000000000008', 'violence-protection'),
    ('01a21000-0000-7000-8000-000000000009', 'violence-protection'),
    ('01a21000-0000-7000-8000-000000000009', 'women'),
    ('01a21000-0000-7000-8000-000000000010', 'family'),
    ('01a21000-0000-7000-8000-000000000010', 'education'),
    ('01a21000-0000-7000-8000-000000000011', 'family'),
    ('01a21000-0000-7000-8000-000000000011', 'education'),
    ('01a21000-0000-7000-8000-000000000012', 'general'),
    ('01a21000-0000-7000-8000-000000000013', 'general'),
    ('01a21000-0000-7000-8000-000000000014', 'general'),
    ('01a21000-0000-7000-8000-000000000015', 'education'),
    ('01a21000-0000-7000-8000-000000000015', 'family'),
    ('01a21000-0000-7000-8000-000000000016', 'general'),
    ('01a21000-0000-7000-8000-000000000016', 'volunteering'),
    ('01a21000-0000-7000-8000-000000000017', 'integration'),
    ('01a21000-0000-7000-8000-000000000018', 'integration'),
    ('01a21000-0000-7000-8000-000000000019', 'integration'),
    ('01a21000-0000-7000-8000-000000000020', 'anti-discrimination'),
    ('01a21000-0000-7000-8000-000000000021', 'anti-discrimination'),
    ('01a21000-0000-7000-8000-000000000022', 'social-benefits');

-- A referral's purpose, summary, language needs and consent details (the witness is a person) are sealed under the
-- case's data key in sealed_details; the partner's answer (decline reason, outcome) in sealed_answer. In clear stays
-- only what the follow-up list needs: case, partner, state, dates, and which categories were shared.
CREATE TABLE referral (
    id                 TEXT PRIMARY KEY,
    case_id            TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
    partner_id         TEXT NOT NULL REFERENCES partner (id),
    status             TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'accepted', 'declined', 'completed', 'withdrawn')),
    grounds            TEXT NOT NULL CHECK (grounds IN ('consent', 'legal-basis')),
    shared_categories  TEXT NOT NULL,
    follow_up_on       TEXT NOT NULL,
    sealed_details     BLOB NOT NULL,
    sealed_answer      BLOB,
    created_by         TEXT NOT NULL REFERENCES counsellor (id),
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);

CREATE INDEX ix_referral_case ON referral (case_id);
CREATE INDEX ix_referral_follow_up ON referral (status, follow_up_on);
