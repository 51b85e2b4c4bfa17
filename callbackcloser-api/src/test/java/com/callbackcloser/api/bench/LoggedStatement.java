package com.callbackcloser.api.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One statement as PostgreSQL's CSV log recorded it ({@code log_statement = all}): the SQL with {@code $n}
 * placeholders and the values bound to them (null for SQL NULL).
 */
public record LoggedStatement(String session, String transaction, String sql, List<String> parameters) {
    private static final int SESSION = 5;
    private static final int VIRTUAL_TRANSACTION = 9;
    private static final int MESSAGE = 13;
    private static final int DETAIL = 14;
    private static final int APPLICATION = 22;
    private static final Pattern EXECUTE = Pattern.compile("^(?:execute [^:]+|statement): (.*)$", Pattern.DOTALL);
    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+) = (NULL|'((?:[^']|'')*)')");

    /** The statements of one application, in log order. */
    static List<LoggedStatement> parse(String csv, String application) {
        List<LoggedStatement> statements = new ArrayList<>();
        for (List<String> row : csvRows(csv)) {
            if (row.size() <= APPLICATION || !application.equals(row.get(APPLICATION))) {
                continue;
            }
            Matcher execute = EXECUTE.matcher(row.get(MESSAGE));
            if (!execute.matches()) {
                continue;
            }
            List<String> parameters = new ArrayList<>();
            Matcher parameter = PARAMETER.matcher(row.get(DETAIL));
            while (parameter.find()) {
                parameters.add(
                        parameter.group(3) == null ? null : parameter.group(3).replace("''", "'"));
            }
            statements.add(new LoggedStatement(
                    row.get(SESSION),
                    row.get(VIRTUAL_TRANSACTION),
                    execute.group(1).strip(),
                    parameters));
        }
        return statements;
    }

    /** RFC 4180 rows: quoted fields may hold commas, doubled quotes and newlines. */
    private static List<List<String>> csvRows(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        return rows;
    }
}
