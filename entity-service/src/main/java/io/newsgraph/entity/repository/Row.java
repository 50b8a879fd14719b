package io.newsgraph.entity.repository;

import io.newsgraph.common.sql.SqlValues;
import io.newsgraph.entity.extract.EntityType;
import io.newsgraph.entity.extract.Place;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One row of a native query read by column name with the type it has: queries are created with {@code Tuple.class}
 * ({@link #all}), so a reader names the column it wants instead of counting positions, and a column added to a
 * SELECT cannot shift the others. Numbers arrive as whatever JDBC type PostgreSQL gives (int4, int8, numeric, float8);
 * the getters convert.
 */
final class Row {
    private final Tuple tuple;

    private Row(Tuple tuple) {
        this.tuple = tuple;
    }

    /** Every row of a query created with {@code em.createNativeQuery(sql, Tuple.class)}. */
    @SuppressWarnings("unchecked")
    static List<Row> all(Query query) {
        return ((List<Tuple>) query.getResultList()).stream().map(Row::new).toList();
    }

    static Optional<Row> first(Query query) {
        return all(query).stream().findFirst();
    }

    static Row single(Query query) {
        return new Row((Tuple) query.getSingleResult());
    }

    private Object get(String column) {
        return tuple.get(column);
    }

    UUID uuid(String column) {
        return (UUID) get(column);
    }

    String text(String column) {
        Object v = get(column);
        return v == null ? null : v.toString();
    }

    int integer(String column) {
        return ((Number) get(column)).intValue();
    }

    long count(String column) {
        return ((Number) get(column)).longValue();
    }

    double decimal(String column) {
        return ((Number) get(column)).doubleValue();
    }

    /** A nullable number as a double; 0 when null (ages and averages over no rows). */
    double decimalOrZero(String column) {
        Object v = get(column);
        return v == null ? 0 : ((Number) v).doubleValue();
    }

    Double decimalOrNull(String column) {
        Object v = get(column);
        return v == null ? null : ((Number) v).doubleValue();
    }

    Long longOrNull(String column) {
        Object v = get(column);
        return v == null ? null : ((Number) v).longValue();
    }

    BigDecimal bigDecimal(String column) {
        Object v = get(column);
        return v == null || v instanceof BigDecimal ? (BigDecimal) v : new BigDecimal(v.toString());
    }

    boolean bool(String column) {
        return Boolean.TRUE.equals(get(column));
    }

    Instant instant(String column) {
        return SqlValues.toInstant(get(column));
    }

    LocalDate date(String column) {
        Object v = get(column);
        return v == null ? null : v instanceof LocalDate d ? d : ((java.sql.Date) v).toLocalDate();
    }

    EntityType type(String column) {
        return EntityType.valueOf(text(column));
    }

    /** The place of a row with the columns of {@link #placeColumns}; null when the entity is not linked. */
    Place place() {
        String country = text("country_code");
        if (country == null) {
            return null;
        }
        return new Place(longOrNull("geonames_id"), country, decimalOrNull("latitude"), decimalOrNull("longitude"));
    }

    /** The columns {@link #place()} reads, for an entity table aliased {@code e} (or unaliased with an empty prefix). */
    static String placeColumns(String alias) {
        String p = alias.isEmpty() ? "" : alias + ".";
        return p + "geonames_id, " + p + "country_code, " + p + "latitude, " + p + "longitude";
    }
}
