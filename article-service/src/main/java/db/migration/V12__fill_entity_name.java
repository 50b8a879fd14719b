package db.migration;

import io.newsgraph.article.service.EntityNames;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills {@code entity_name} (V11) from the summaries stored before it existed. Java, not SQL: the folded name must be
 * the one the service computes for every later summary ({@link EntityNames#fold}), which SQL cannot reproduce without
 * an extension. Flyway finds Java migrations in this package, beside the SQL ones in {@code db/migration}.
 */
public class V12__fill_entity_name extends BaseJavaMigration {
    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws Exception {
        // Per entity: the live articles naming it, and its name and type in the newest summary.
        String counts = """
                WITH named AS (
                    SELECT DISTINCT ON (s.article_id, e->>'id') (e->>'id')::uuid AS id, e->>'name' AS name, e->>'type' AS type, s.updated_at
                    FROM article_entity_summary s JOIN article a ON a.id = s.article_id AND a.deleted_at IS NULL,
                         jsonb_array_elements(s.entities) e)
                SELECT DISTINCT ON (id) id, name, type, count(*) OVER (PARTITION BY id) FROM named ORDER BY id, updated_at DESC""";
        try (Statement select = context.getConnection().createStatement();
                PreparedStatement insert = context.getConnection()
                        .prepareStatement(
                                "INSERT INTO entity_name (entity_id, name, type, folded, articles) VALUES (?, ?, ?, ?, ?)")) {
            select.setFetchSize(
                    BATCH); // a cursor, not every entity in memory (PostgreSQL needs auto-commit off, as Flyway has it)
            try (ResultSet rows = select.executeQuery(counts)) {
                int pending = 0;
                while (rows.next()) {
                    String name = rows.getString(2);
                    insert.setObject(1, rows.getObject(1, UUID.class));
                    insert.setString(2, name);
                    insert.setString(3, rows.getString(3));
                    insert.setString(4, EntityNames.fold(name));
                    insert.setInt(5, rows.getInt(4));
                    insert.addBatch();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        }
    }
}
