import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Prints the number of rows in a table, or 0 when the table does not exist yet: the quickstart's check of what
 * the JDBC sink wrote. With --drop it drops the table first, so that a run against a database given by
 * QUICKSTART_JDBC_URL starts from an empty table too. Run as a single source file:
 * java -cp CLASSPATH RowCount.java JDBC-URL TABLE [--drop]
 */
public final class RowCount {

    private RowCount() {
    }

    public static void main(String[] args) throws SQLException {
        boolean drop = args.length == 3 && args[2].equals("--drop");
        if (args.length != 2 && !drop) {
            System.err.println("usage: java -cp CLASSPATH RowCount.java JDBC-URL TABLE [--drop]");
            System.exit(2);
        }
        try (Connection c = DriverManager.getConnection(args[0]);
             Statement s = c.createStatement()) {
            String table = "\"" + args[1].replace("\"", "\"\"") + "\"";
            if (drop) {
                s.execute("DROP TABLE IF EXISTS " + table);
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                System.out.println(rs.getLong(1));
            } catch (SQLException missingTable) {
                if (tableExists(c, args[1])) {
                    throw missingTable;
                }
                System.out.println(0);
            }
        }
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, table, null)) {
            return rs.next();
        }
    }
}
