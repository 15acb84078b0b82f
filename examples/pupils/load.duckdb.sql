-- the pupils example as the tables mapping.json names (duckdb, in this folder)
CREATE TABLE units AS SELECT * FROM read_csv('units.csv', header = true, all_varchar = true);
CREATE TABLE pupils AS SELECT * FROM read_csv('pupils.csv', header = true,
  columns = {'pupil': 'BIGINT', 'school': 'VARCHAR', 'passed': 'BOOLEAN', 'excellent': 'BOOLEAN'});
