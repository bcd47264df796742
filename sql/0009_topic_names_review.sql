-- Topic names after the review of the resident texts (issue 21, ../shared/reviews/resident-texts-2026-11.md, A24):
-- "Diskriminierung" is about what a person has experienced, so Arabic and English no longer name it as a cause
-- ("مناهضة التمييز", "Anti-discrimination"); dementia gets the everyday word beside it for older readers.
UPDATE topic SET name_ar = 'التمييز', name_en = 'Discrimination' WHERE code = 'anti-discrimination';
UPDATE topic SET name_ar = 'الخرف (ضعف الذاكرة)', name_tr = 'Demans (unutkanlık)' WHERE code = 'dementia';
