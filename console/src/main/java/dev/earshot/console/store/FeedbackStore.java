package dev.earshot.console.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Staff's corrections ("this is wrong") in table {@code mention_feedback}: kept, listed, exported. */
@ApplicationScoped
public class FeedbackStore {

    /** One correction as kept. */
    public record FeedbackRow(long id, String mentionId, String brandId, String label, String scoredLabel, String by,
            Instant at, boolean sent, String sendError) {
    }

    private final DataSource store;

    public FeedbackStore(DataSource store) {
        this.store = store;
    }

    /** Keeps a correction, not yet sent; answers its id. */
    public long record(String mentionId, String brandId, String label, String scoredLabel, String by) {
        try (Connection c = store.getConnection(); PreparedStatement st = c.prepareStatement(
                "INSERT INTO mention_feedback (mention_id, brand_id, label, scored_label, by_user) VALUES (?, ?, ?, ?, ?)"
                        + " RETURNING feedback_id")) {
            st.setString(1, mentionId);
            st.setString(2, brandId);
            st.setString(3, label);
            st.setString(4, scoredLabel);
            st.setString(5, by);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("store write failed: " + e.getMessage(), e);
        }
    }

    /** Marks how sending it to sentiment-service went. */
    public void sent(long id, boolean sent, String error) {
        try (Connection c = store.getConnection(); PreparedStatement st = c.prepareStatement(
                "UPDATE mention_feedback SET sent = ?, send_error = ? WHERE feedback_id = ?")) {
            st.setBoolean(1, sent);
            st.setString(2, error);
            st.setLong(3, id);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("store write failed: " + e.getMessage(), e);
        }
    }

    public List<FeedbackRow> latest(int limit) {
        return Jdbc.query(store, "SELECT feedback_id, mention_id, brand_id, label, scored_label, by_user, at, sent,"
                + " send_error FROM mention_feedback ORDER BY at DESC, feedback_id DESC LIMIT ?", List.of(limit),
                rs -> new FeedbackRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), IncidentQueries.instant(rs.getTimestamp(7)), rs.getBoolean(8), rs.getString(9)));
    }

    /** The mention a correction is about: its label and the text as sentiment-service scored it. */
    public Optional<String[]> labelAndText(String mentionId, String brandId) {
        return Jdbc.query(store, "SELECT label, coalesce(title, ''), text FROM mention WHERE mention_id = ? AND brand_id = ?",
                List.of(mentionId, brandId), rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .stream().findFirst();
    }

    /** A correction sentiment-service has not taken yet, with the text as it was scored (title, text). */
    public record Unsent(long id, String mentionId, String label, String scoredLabel, String by, String title,
            String text) {
    }

    /** The oldest corrections not yet sent whose mention is still stored, at most {@code limit}. */
    public List<Unsent> unsent(int limit) {
        return Jdbc.query(store, "SELECT f.feedback_id, f.mention_id, f.label, f.scored_label, f.by_user,"
                + " coalesce(m.title, ''), m.text FROM mention_feedback f JOIN mention m ON m.mention_id = f.mention_id"
                + " AND m.brand_id = f.brand_id WHERE NOT f.sent ORDER BY f.at, f.feedback_id LIMIT ?", List.of(limit),
                rs -> new Unsent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7)));
    }
}
