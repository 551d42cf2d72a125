package dev.earshot.console.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Runs one parameterised query (never SQL built from input) and maps its rows. */
final class Jdbc {

    interface Rows<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private Jdbc() {
    }

    static <T> List<T> query(DataSource store, String sql, List<?> args, Rows<T> reader) {
        try (Connection c = store.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                st.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = st.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("store query failed: " + e.getMessage(), e);
        }
    }
}
