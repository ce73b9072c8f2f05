package io.mlexp.commit;

import io.mlexp.check.Finding;
import io.mlexp.check.SourceLocation;
import io.mlexp.config.CommitConvention;
import io.mlexp.config.CommitsConfig;
import io.mlexp.config.RecordConfig;
import io.mlexp.util.DidYouMean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commit-message rules of {@code commits:} in {@code .mlexp.yml}. Each violation names its rule,
 * quotes the offending text and says how to fix it.
 */
public final class CommitRules {
    private static final Pattern CONVENTIONAL_NO_SPACE = Pattern.compile("[A-Za-z][\\w-]*(?:\\([^()]*\\))?!?:\\S.*");
    private static final Pattern EXP_TAG = Pattern.compile("\\[(?<type>[A-Za-z][\\w-]*)\\]\\s+(?<description>.*)");
    private static final Pattern MERGE = Pattern.compile(
            "Merge (branch|branches|pull request|remote-tracking branch|tag|commit|[0-9a-f]{7,40}) .*|Merged? .* into .*");
    /** Git's own revert subjects, also as GitHub squash-merges them ({@code Revert "feat: x" (#12)}). */
    private static final Pattern REVERT = Pattern.compile("(?:Revert \".*\"|Reapply \".*\")(?: \\(#\\d+\\))?|revert: .*");
    private static final Pattern AUTOSQUASH = Pattern.compile("(fixup|squash|amend)! .*");
    private static final Pattern WIP = Pattern.compile("(?i:\\[wip]|wip\\b).*|.*\\bWIP\\b.*");

    private final CommitsConfig config;
    private final com.google.re2j.Pattern idPattern;

    public CommitRules(CommitsConfig config, RecordConfig record) {
        this.config = config;
        this.idPattern = record.idPattern().pattern();
    }

    /** Why a message is not checked at all (merge, revert, autosquash), or empty when it is. */
    public static Optional<String> skipReason(CommitMessage message) {
        var subject = message.subject().map(CommitMessage.Line::text).orElse("");
        // the prefix tests spare a regular expression per commit over long ranges
        if (subject.startsWith("Merge") && MERGE.matcher(subject).matches()) {
            return Optional.of("merge commit");
        }
        if ((subject.startsWith("Revert") || subject.startsWith("revert") || subject.startsWith("Reapply"))
                && REVERT.matcher(subject).matches()) {
            return Optional.of("revert commit");
        }
        if (subject.indexOf('!') > 0 && AUTOSQUASH.matcher(subject).matches()) {
            return Optional.of("fixup or squash commit, to be squashed by rebase --autosquash");
        }
        return Optional.empty();
    }

    /** Why this team does not check a message: {@link #skipReason}, or a header that {@code commits.ignore} matches. */
    public Optional<String> skipReasonOf(CommitMessage message) {
        var reason = skipReason(message);
        if (reason.isPresent() || config.ignore().isEmpty()) {
            return reason;
        }
        var subject = message.subject().map(CommitMessage.Line::text).orElse("");
        return config.ignore().stream().filter(regex -> regex.pattern().matcher(subject).find()).findFirst()
                .map(regex -> "ignored by commits.ignore /" + regex + "/");
    }

    /**
     * Checks one message.
     *
     * @param file how findings name the message: the file path, or {@code commit 1a2b3c4}
     */
    public List<Finding> check(CommitMessage message, String file) {
        var findings = new ArrayList<Finding>();
        if (message.isEmpty()) {
            findings.add(error("commit-empty", at(file, 1), "the commit message is empty", "write a subject such as 'feat: add a data loader'"));
            return findings;
        }
        if (skipReasonOf(message).isPresent()) {
            return findings;
        }
        var subject = message.subject().orElseThrow();
        var location = at(file, subject.number());
        var header = subject.text();
        boolean workInProgress = mayBeWorkInProgress(header) && WIP.matcher(header).matches();
        if (workInProgress) {
            findings.add(error("commit-wip", location, "work in progress is not committed: '" + header + "'",
                    "finish the change, or keep it on a local branch and squash it before pushing"));
        }
        var parsed = parseHeader(header);
        if (workInProgress && (parsed.isEmpty() || parsed.get().type().equalsIgnoreCase("wip"))) {
            // 'WIP: x' is one problem, reported once: a team that makes commit-wip a warning is not refused for it
            checkBody(message, file, findings);
            return findings;
        }
        if (parsed.isEmpty()) {
            findings.add(formatProblem(header, location));
        } else {
            checkType(parsed.get(), header, location, findings);
            checkDescription(parsed.get(), header, location, findings);
            checkSubjectCase(parsed.get(), header, location, findings);
            checkScope(parsed.get(), header, location, findings);
            checkExperimentId(parsed.get(), message, location, findings);
        }
        checkTab(header, location, findings);
        int length = header.codePointCount(0, header.length());
        if (length > config.subjectMaxLength()) {
            findings.add(error("commit-subject-length", atColumn(location, header.offsetByCodePoints(0, config.subjectMaxLength()) + 1),
                    "the subject is " + length + " characters long, more than " + config.subjectMaxLength() + ": '" + header + "'",
                    "shorten it and put details in the body"));
        }
        checkBody(message, file, findings);
        return findings;
    }

    /**
     * gitlint's title-hard-tab: a tab survives git's clean-up (trailing whitespace does not, so no rule asks for it),
     * shows as a different width in every tool, and breaks exact matches of subjects.
     */
    private static void checkTab(String header, SourceLocation location, List<Finding> findings) {
        int tab = header.indexOf('\t');
        if (tab >= 0) {
            findings.add(error("commit-subject-tab", atColumn(location, tab + 1), "the subject holds a tab: '" + header + "'",
                    "use a space"));
        }
    }

    /** {@code commits.scopes}: each scope a header names ({@code feat(data,model): …}) must be one of them. */
    private void checkScope(Header parsed, String header, SourceLocation location, List<Finding> findings) {
        if (config.scopes().isEmpty() || parsed.scope().isEmpty()) {
            return;
        }
        for (var scope : parsed.scope().split("[,/]")) {
            var name = scope.strip();
            if (!config.scopes().contains(name)) {
                findings.add(error("commit-scope", atColumn(location, header.indexOf('(') + 2), "unknown scope `" + name + "` in '"
                        + header + "'", DidYouMean.closest(name, config.scopes()).map(near -> "did you mean `" + near + "`?")
                        .orElse("commits.scopes allows: " + String.join(", ", config.scopes()))));
            }
        }
    }

    private void checkSubjectCase(Header parsed, String header, SourceLocation location, List<Finding> findings) {
        var description = parsed.description().strip();
        if (config.subjectCase() == CommitsConfig.SubjectCase.ANY || description.isEmpty()) {
            return;
        }
        int first = description.codePointAt(0);
        boolean upper = Character.isUpperCase(first);
        boolean wanted = config.subjectCase() == CommitsConfig.SubjectCase.SENTENCE_CASE;
        if (Character.isLetter(first) && upper != wanted) {
            var fixed = new StringBuilder().appendCodePoint(wanted ? Character.toUpperCase(first) : Character.toLowerCase(first))
                    .append(description.substring(Character.charCount(first)));
            findings.add(error("commit-subject-case", atColumn(location, header.indexOf(description) + 1),
                    "the description '" + description + "' starts with " + (upper ? "an upper-case" : "a lower-case")
                            + " letter; commits.subject-case is " + config.subjectCase().label(),
                    "write '" + fixed + "'"));
        }
    }

    private static boolean mayBeWorkInProgress(String header) {
        return header.regionMatches(true, 0, "wip", 0, 3) || header.regionMatches(true, 0, "[wip]", 0, 5)
                || header.contains("WIP");
    }

    /** The parts of a header that matched one of the accepted conventions. */
    record Header(CommitConvention convention, String type, String scope, String description) {
    }

    Optional<Header> parseHeader(String header) {
        for (var convention : config.conventions()) {
            var header1 = switch (convention) {
                case CONVENTIONAL -> ConventionalHeader.parse(header)
                        .map(parts -> new Header(convention, parts.type(), parts.scope(), parts.description()));
                case EXP_TAG -> match(EXP_TAG, header, convention);
                case REGEX -> config.pattern().filter(p -> p.pattern().matcher(header).find())
                        .map(p -> new Header(convention, "", "", header));
            };
            if (header1.isPresent()) {
                return header1;
            }
        }
        return Optional.empty();
    }

    private static Optional<Header> match(Pattern pattern, String header, CommitConvention convention) {
        Matcher matcher = pattern.matcher(header);
        return matcher.matches()
                ? Optional.of(new Header(convention, matcher.group("type"), "",
                        matcher.group("description") == null ? "" : matcher.group("description")))
                : Optional.empty();
    }

    private Finding formatProblem(String header, SourceLocation location) {
        var forms = config.conventions().stream().map(c -> switch (c) {
            case CONVENTIONAL -> "'type(scope): subject'";
            case EXP_TAG -> "'[type] subject'";
            case REGEX -> "the pattern /" + config.pattern().map(Object::toString).orElse("") + "/";
        }).toList();
        String hint;
        if (CONVENTIONAL_NO_SPACE.matcher(header).matches()) {
            hint = "put a space after the colon: '" + header.replaceFirst(":", ": ") + "'";
        } else {
            hint = "for example 'feat(data): add the CIFAR-10 loader' or '[exp] EXP-024 try a cosine schedule'";
        }
        return error("commit-format", location, "the subject '" + header + "' does not follow "
                + String.join(" or ", forms), hint);
    }

    private void checkType(Header header, String text, SourceLocation location, List<Finding> findings) {
        if (header.convention() == CommitConvention.REGEX || config.types().contains(header.type())) {
            return;
        }
        var lower = header.type().toLowerCase(Locale.ROOT);
        var hint = config.types().contains(lower)
                ? "types are lower case: `" + lower + "`"
                : DidYouMean.closest(lower, config.types()).map(t -> "did you mean `" + t + "`?")
                        .orElse("allowed types: " + String.join(", ", config.types()));
        findings.add(error("commit-type", location, "unknown type `" + header.type() + "` in '" + text + "'", hint));
    }

    private static void checkDescription(Header header, String text, SourceLocation location, List<Finding> findings) {
        var description = header.description().strip();
        if (description.isEmpty() && header.convention() != CommitConvention.REGEX) {
            findings.add(error("commit-subject-empty", location, "the subject after the type is empty: '" + text + "'",
                    "say what the commit does"));
        } else if (description.endsWith(".") && !description.endsWith("...")) {
            findings.add(error("commit-subject-period", atColumn(location, text.stripTrailing().length()), "the subject ends with a period: '" + text + "'",
                    "drop the final '.'"));
        }
    }

    private void checkExperimentId(Header header, CommitMessage message, SourceLocation location, List<Finding> findings) {
        if (!config.experimentIdRequiredFor().contains(header.type().toLowerCase(Locale.ROOT))) {
            return;
        }
        if (!idPattern.matcher(message.text()).find()) {
            findings.add(error("commit-experiment-id", location,
                    "`" + header.type() + "` commits must name an experiment ID matching /" + idPattern.pattern() + "/",
                    "name the record, e.g. '" + header.type() + ": EXP-024 …' or a line 'Experiment: EXP-024' in the body"));
        }
    }

    private void checkBody(CommitMessage message, String file, List<Finding> findings) {
        var body = message.body();
        if (body.isEmpty()) {
            return;
        }
        if (!body.get(0).text().isEmpty()) {
            findings.add(error("commit-body-separator", at(file, body.get(0).number()),
                    "the second line must be blank, found '" + body.get(0).text() + "'",
                    "leave one blank line between the subject and the body"));
        }
        for (var line : body) {
            int length = line.text().codePointCount(0, line.text().length());
            if (length > config.bodyMaxLineLength() && line.text().strip().contains(" ")) {
                findings.add(error("commit-body-line-length",
                        new SourceLocation(file, line.number(), line.text().offsetByCodePoints(0, config.bodyMaxLineLength()) + 1),
                        "body line is " + length + " characters long, more than " + config.bodyMaxLineLength(),
                        "wrap the body at " + config.bodyMaxLineLength() + " characters (long URLs alone on a line are fine)"));
            }
        }
    }

    private static SourceLocation atColumn(SourceLocation location, int column) {
        return new SourceLocation(location.file(), location.line(), column);
    }

    private static SourceLocation at(String file, int line) {
        return new SourceLocation(file, line, 1);
    }

    private static Finding error(String rule, SourceLocation location, String message, String hint) {
        return Finding.error(rule, location, message).withHint(hint);
    }
}
