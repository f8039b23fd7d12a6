package io.sluice.connect.jdbc;

import io.sluice.connect.jdbc.dialect.ColumnSpec;
import io.sluice.connect.jdbc.dialect.DatabaseDialect;
import io.sluice.connect.jdbc.dialect.DatabaseDialects;
import io.sluice.connect.jdbc.dialect.GenericDialect;
import io.sluice.connect.jdbc.dialect.MariaDbDialect;
import io.sluice.connect.jdbc.dialect.PostgresDialect;
import io.sluice.connect.jdbc.dialect.SqliteDialect;
import io.sluice.connect.jdbc.dialect.TableId;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DialectSqlTest {

    @Test
    void theUrlPicksTheDialectWithAGenericFallback() {
        assertThat(DatabaseDialects.forUrl("jdbc:postgresql://db/shop")).isInstanceOf(PostgresDialect.class);
        assertThat(DatabaseDialects.forUrl("jdbc:mariadb://db/shop")).isInstanceOf(MariaDbDialect.class);
        assertThat(DatabaseDialects.forUrl("jdbc:mysql://db/shop").name()).isEqualTo("mysql");
        assertThat(DatabaseDialects.forUrl("JDBC:SQLITE:/tmp/x.db")).isInstanceOf(SqliteDialect.class);
        assertThat(DatabaseDialects.forUrl("jdbc:h2:mem:x")).isInstanceOf(GenericDialect.class);
    }

    @Test
    void everyIdentifierIsQuotedWithItsQuotesDoubled() {
        TableId table = new TableId("s\"x", "t\"; DROP TABLE y; --");
        assertThat(new PostgresDialect().qualified(table)).isEqualTo("\"s\"\"x\".\"t\"\"; DROP TABLE y; --\"");
        assertThat(new MariaDbDialect(false).quote("a`b")).isEqualTo("`a``b`");
        assertThat(new SqliteDialect().qualified(table)).isEqualTo("\"t\"\"; DROP TABLE y; --\"");
    }

    @Test
    void createTableMapsTypesPerDialectAndIsIdempotent() {
        List<ColumnSpec> keys = List.of(new ColumnSpec("id", Schema.STRING_SCHEMA));
        List<ColumnSpec> columns = List.of(
                new ColumnSpec("amount", Decimal.builder(2).optional().build()),
                new ColumnSpec("at", Timestamp.builder().optional().build()),
                new ColumnSpec("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build()),
                new ColumnSpec("n", Schema.INT32_SCHEMA));
        TableId table = new TableId(null, "t");
        assertThat(new PostgresDialect().createTable(table, keys, columns)).isEqualTo("CREATE TABLE IF NOT EXISTS "
                + "\"t\" (\"id\" TEXT NOT NULL, \"amount\" NUMERIC NULL, \"at\" TIMESTAMP WITH TIME ZONE NULL, "
                + "\"tags\" JSONB NULL, \"n\" INTEGER NOT NULL, PRIMARY KEY (\"id\"))");
        assertThat(new MariaDbDialect(false).createTable(table, keys, columns)).isEqualTo("CREATE TABLE IF NOT EXISTS "
                + "`t` (`id` VARCHAR(255) NOT NULL, `amount` DECIMAL(65,2) NULL, `at` DATETIME(6) NULL, "
                + "`tags` LONGTEXT NULL, `n` INTEGER NOT NULL, PRIMARY KEY (`id`))");
        assertThat(new SqliteDialect().createTable(table, keys, columns)).contains("\"amount\" TEXT NULL");
    }

    @Test
    void addColumnUsesIfNotExistsWhereTheDatabaseHasIt() {
        ColumnSpec note = new ColumnSpec("note", Schema.OPTIONAL_STRING_SCHEMA);
        TableId table = new TableId("s", "t");
        assertThat(new PostgresDialect().addColumn(table, note))
                .isEqualTo("ALTER TABLE \"s\".\"t\" ADD COLUMN IF NOT EXISTS \"note\" TEXT NULL");
        assertThat(new MariaDbDialect(false).addColumn(table, note)).contains("ADD COLUMN IF NOT EXISTS");
        assertThat(new MariaDbDialect(true).addColumn(table, note)).doesNotContain("IF NOT EXISTS");
        assertThat(new SqliteDialect().addColumn(table, note)).isEqualTo("ALTER TABLE \"t\" ADD COLUMN \"note\" TEXT NULL");
    }

    @Test
    void onlyTheKnownDialectsUpsert() {
        for (DatabaseDialect dialect : List.of(new PostgresDialect(), new MariaDbDialect(false), new SqliteDialect())) {
            assertThat(dialect.supportsUpsert()).as(dialect.name()).isTrue();
        }
        assertThat(new GenericDialect().supportsUpsert()).isFalse();
    }
}
