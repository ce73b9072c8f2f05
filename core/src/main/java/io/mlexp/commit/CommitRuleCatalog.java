package io.mlexp.commit;

import static io.mlexp.check.Rule.Family.COMMITS;

import io.mlexp.check.Rule;
import io.mlexp.check.RuleCatalog;
import java.util.List;

/** The rules of commit messages: the commit-msg hook, {@code mlexp check commits} and the commits stage. */
public final class CommitRuleCatalog implements RuleCatalog {
    private static final String MESSAGE = "COMMIT_EDITMSG";

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.error("commit-empty", COMMITS, "A commit message has a subject.")
                        .explain("A message with nothing but comments and blank lines says nothing about the change.")
                        .passes(MESSAGE, "feat: add the CIFAR-10 loader\n").fails(MESSAGE, "# only a comment\n\n"),
                Rule.error("commit-format", COMMITS, "The subject follows one of the accepted conventions.")
                        .reads("commits.convention", "commits.pattern")
                        .explain("Conventional Commits (`type(scope): description`), an experiment tag (`[exp] EXP-024 ...`),"
                                + " or the team's own pattern, as `commits.convention` lists them.")
                        .passes(MESSAGE, "fix(data): skip empty shards\n").fails(MESSAGE, "fixed the loader\n"),
                Rule.error("commit-type", COMMITS, "The type is one the team allows.")
                        .reads("commits.types")
                        .explain("The type says what kind of change it is; `commits.types` lists the allowed ones,"
                                + " and a near miss gets a did-you-mean.")
                        .passes(MESSAGE, "docs: explain the schedule\n").fails(MESSAGE, "feature: add a loader\n"),
                Rule.error("commit-scope", COMMITS, "Every scope is one of `commits.scopes`, when the team lists them.")
                        .reads("commits.scopes")
                        .explain("commitlint's scope-enum: with `commits.scopes` set, `feat(data,model): ...` may name only"
                                + " those scopes; a header without a scope passes.")
                        .given("commits:\n  scopes: [data, model]\n")
                        .passes(MESSAGE, "feat(model): add dropout\n").fails(MESSAGE, "feat(modle): add dropout\n"),
                Rule.error("commit-subject-empty", COMMITS, "Something follows the type.")
                        .passes(MESSAGE, "chore: bump the image\n").fails(MESSAGE, "chore: \n"),
                Rule.error("commit-subject-period", COMMITS, "The subject does not end with a period.")
                        .passes(MESSAGE, "fix: clip gradients at 1.0\n").fails(MESSAGE, "fix: clip gradients.\n"),
                Rule.error("commit-subject-tab", COMMITS, "The subject holds no tab.")
                        .explain("gitlint's title-hard-tab: a tab survives git's clean-up of the message, shows at another width"
                                + " in every tool and breaks exact matches of subjects (changelogs, `git log --grep`).")
                        .passes(MESSAGE, "fix: clip gradients at 1.0\n").fails(MESSAGE, "fix: clip\tgradients at 1.0\n"),
                Rule.error("commit-subject-case", COMMITS, "The description starts with the case the team chose.")
                        .reads("commits.subject-case")
                        .explain("`commits.subject-case: lower-case` or `sentence-case`; `any` (the default) checks nothing.")
                        .given("commits:\n  subject-case: lower-case\n")
                        .passes(MESSAGE, "feat: add mixup\n").fails(MESSAGE, "feat: Add mixup\n"),
                Rule.error("commit-subject-length", COMMITS, "The subject is no longer than `commits.subject-max-length`.")
                        .reads("commits.subject-max-length")
                        .passes(MESSAGE, "perf: cache the tokenizer\n")
                        .fails(MESSAGE, "perf: cache the tokenizer between epochs so that the second epoch starts at once and nothing waits\n"),
                Rule.error("commit-wip", COMMITS, "Work in progress is not committed.")
                        .explain("`WIP`, `wip:` and `[WIP]` subjects belong on a local branch, squashed before pushing.")
                        .passes(MESSAGE, "feat: add the loader\n").fails(MESSAGE, "WIP: loader\n"),
                Rule.error("commit-experiment-id", COMMITS, "Experiment commits name an experiment ID.")
                        .reads("commits.experiment-id-required-for", "record.id-pattern")
                        .explain("Commits of the types in `commits.experiment-id-required-for` (`exp` by default) name the"
                                + " record they belong to, in the subject or the body.")
                        .passes(MESSAGE, "exp: EXP-024 try a cosine schedule\n").fails(MESSAGE, "exp: try a cosine schedule\n"),
                Rule.error("commit-body-separator", COMMITS, "A blank line separates the subject from the body.")
                        .passes(MESSAGE, "fix: seed the sampler\n\nThe order changed between runs.\n")
                        .fails(MESSAGE, "fix: seed the sampler\nThe order changed between runs.\n"),
                Rule.error("commit-body-line-length", COMMITS, "Body lines are no longer than `commits.body-max-line-length`.")
                        .reads("commits.body-max-line-length")
                        .explain("A line without spaces (a URL) may be longer.")
                        .passes(MESSAGE, "fix: seed the sampler\n\nThe order changed between runs.\n")
                        .fails(MESSAGE, "fix: seed the sampler\n\n" + "The order of the batches changed between runs because the sampler"
                                + " took its seed from the clock and not from the config.\n"));
    }
}
