package dev.collide.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Conversions between java.time and JDBC that behave the same on H2 and PostgreSQL. The store owns them; the public
 * ones also serve the notify stage's own tables (outbox, digests), so a moment is written and read one way
 * everywhere (issue 15 item 5).
 */
public final class Sql {
    /** PostgreSQL and H2 report unique-key violations with this SQLState. */
    static final String UNIQUE_VIOLATION = "23505";

    /** The escape character of {@link #containsPattern}; write {@code LIKE ? ESCAPE '\\'} beside it. */
    static final String LIKE_ESCAPE = "ESCAPE '\\'";

    private Sql() {
    }

    /**
     * A LIKE pattern matching values that contain {@code text} literally: its '%', '_' and '\\' are escaped, so a
     * search for "%" finds a percent sign instead of every row (issue 17 item 8). The ESCAPE clause is explicit:
     * both H2 and PostgreSQL default to '\\', but neither promises it in every mode.
     */
    static String containsPattern(String text) {
        var out = new StringBuilder(text.length() + 8).append('%');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('%').toString();
    }

    static void setInstant(PreparedStatement ps, int index, Optional<Instant> value) throws SQLException {
        if (value.isPresent()) {
            ps.setObject(index, value.get().atOffset(ZoneOffset.UTC));
        } else {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    /** Binds {@code value} as TIMESTAMP WITH TIME ZONE in UTC; {@code null} binds SQL NULL. */
    public static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        setInstant(ps, index, Optional.ofNullable(value));
    }

    /** Binds {@code args} to parameters 1..n: an {@code Instant} as {@link #setInstant}, anything else as is. */
    public static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Instant at) {
                setInstant(ps, i + 1, at);
            } else {
                ps.setObject(i + 1, args[i]);
            }
        }
    }

    /** The moment in a TIMESTAMP WITH TIME ZONE column; empty when it is NULL. */
    public static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return Optional.ofNullable(value).map(OffsetDateTime::toInstant);
    }

    static void setDate(PreparedStatement ps, int index, Optional<LocalDate> value) throws SQLException {
        if (value.isPresent()) {
            ps.setObject(index, value.get());
        } else {
            ps.setNull(index, Types.DATE);
        }
    }

    static Optional<LocalDate> date(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, LocalDate.class));
    }

    static void setString(PreparedStatement ps, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            ps.setString(index, value.get());
        } else {
            ps.setNull(index, Types.VARCHAR);
        }
    }

    /** {@code text}, cut to fit a column of {@code max} characters. */
    public static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

}
