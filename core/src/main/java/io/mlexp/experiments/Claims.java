package io.mlexp.experiments;

import io.mlexp.check.SourceLocation;
import io.mlexp.record.ExperimentRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Finds claims: in a record's Results table, and in free text such as an annotated tag's message. */
public final class Claims {
    /** {@code accuracy: 78.2%}, {@code lr=0.001}, {@code batch 64}: a name, a separator, a number and maybe {@code %}. */
    private static final Pattern IN_TEXT = Pattern.compile(
            "(?<![\\w.-])([A-Za-z_][A-Za-z0-9_./-]*?)\\s*(?:[:=]\\s*|\\s+)([-+]?(?:\\d+(?:\\.\\d+)?|\\.\\d+)(?:[eE][-+]?\\d+)?)(%?)(?![\\w.])");

    private Claims() {
    }

    /** The rows of the record's Results table whose value is a number. */
    public static List<Claim> ofRecord(ExperimentRecord record) {
        var claims = new ArrayList<Claim>();
        record.results().ifPresent(table -> table.rows().forEach(row ->
                Claim.of(row.name().text(), row.value().text(), row.value().location()).ifPresent(claims::add)));
        return claims;
    }

    /** Each {@code name value} pair of a free text, located from line 1 of {@code file}. */
    public static List<Claim> inText(String text, String file) {
        var claims = new ArrayList<Claim>();
        var lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            var matcher = IN_TEXT.matcher(lines[i]);
            while (matcher.find()) {
                var location = new SourceLocation(file, i + 1, matcher.start(2) + 1);
                var number = matcher.group(2) + matcher.group(3);
                Claim.of(matcher.group(1), number, location).ifPresent(claims::add);
            }
        }
        return claims;
    }
}
