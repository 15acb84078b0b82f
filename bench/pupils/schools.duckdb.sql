-- The pupils counted per school, as the data file eduplan check reads: the
-- step a bureau runs before the Go engine when its figures are pupil rows.
SELECT u.id, u.id AS name, u.level, u.kind, u.parent,
  t.tested AS fitness_tested_students, t.passed AS fitness_pass_students, t.excellent AS fitness_excellent_students
FROM units u
LEFT JOIN (
  SELECT school, COUNT(*) AS tested, COUNT(*) FILTER (WHERE passed) AS passed, COUNT(*) FILTER (WHERE excellent) AS excellent
  FROM pupils GROUP BY school
) t ON t.school = u.id
ORDER BY u.id
