package io.newsgraph.entity.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** JDBC batches for the rows of one analysis: one prepared statement per table, every row added to its batch. */
final class Batches {
    private Batches() {}

    /** Runs {@code sql} once per row in one batch; each row holds the statement's parameters in order. */
    static void insert(Connection connection, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    bind(statement, i + 1, row[i]);
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        switch (value) {
            case null -> statement.setNull(index, Types.NULL);
            case Instant instant -> statement.setTimestamp(index, Timestamp.from(instant));
            case LocalDate date -> statement.setObject(index, date);
            default -> statement.setObject(index, value);
        }
    }
}
