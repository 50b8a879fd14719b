-- Issue 14 §5: a LOCATION entity carries the place it was linked to (GeoNames gazetteer, see docs/decisions.md
-- "Place linking"). A city has all four columns; a country only its code (no GeoNames country ids are packaged).
-- The first article that links an entity sets its place; later articles do not move it.
ALTER TABLE entity
    ADD COLUMN geonames_id  bigint,            -- id at geonames.org; NULL for a country or an unlinked place
    ADD COLUMN country_code char(2),           -- ISO 3166-1 alpha-2, upper case
    ADD COLUMN latitude     double precision,  -- WGS84 degrees
    ADD COLUMN longitude    double precision,
    ADD CONSTRAINT entity_country_code_ck CHECK (country_code ~ '^[A-Z]{2}$'),
    ADD CONSTRAINT entity_place_type_ck CHECK (country_code IS NULL OR type = 'LOCATION'),
    ADD CONSTRAINT entity_geonames_place_ck CHECK (geonames_id IS NULL OR (country_code IS NOT NULL AND latitude IS NOT NULL AND longitude IS NOT NULL)),
    ADD CONSTRAINT entity_coordinates_ck CHECK ((latitude IS NULL) = (longitude IS NULL)
        AND (latitude IS NULL OR (latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180)));

-- GET /entities?country=: live entities of one country.
CREATE INDEX entity_country_idx ON entity (country_code, name_key) WHERE country_code IS NOT NULL AND merged_into IS NULL;
