package io.newsgraph.entity.extract;

/**
 * Where a LOCATION entity is: its GeoNames id, ISO 3166-1 alpha-2 country code and coordinates (WGS84 degrees).
 * A country, and a first-level region (state, province), carry only the country's code: no package the build can
 * fetch gives GeoNames' ids or coordinates for them (docs/decisions.md "Place linking").
 *
 * @param geonamesId  id of the place at geonames.org, null for a country or a region
 * @param countryCode ISO 3166-1 alpha-2 code of the country (of the place, or the country itself)
 */
public record Place(Long geonamesId, String countryCode, Double latitude, Double longitude) {

    static Place country(String code) {
        return new Place(null, code, null, null);
    }
}
