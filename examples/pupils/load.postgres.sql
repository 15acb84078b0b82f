-- the pupils example as the tables mapping.json names (psql, in this folder)
CREATE TABLE units (id TEXT, parent TEXT, level TEXT, kind TEXT);
CREATE TABLE pupils (pupil BIGINT, school TEXT, passed BOOLEAN, excellent BOOLEAN);
\copy units FROM 'units.csv' WITH (FORMAT csv, HEADER true)
\copy pupils FROM 'pupils.csv' WITH (FORMAT csv, HEADER true)
