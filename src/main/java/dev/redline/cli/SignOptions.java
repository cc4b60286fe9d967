package dev.redline.cli;

import dev.redline.review.Reviewer;
import dev.redline.review.Verdict;
import java.util.List;

/**
 * The options of {@code sign}.
 *
 * @param migration    the MIGRATION argument as typed
 * @param reviewer     {@code --reviewer}, or {@code null} for git's {@code user.name} and {@code user.email}
 * @param confirmAll   {@code --confirm-all}: the reviewer confirms every checklist point at once
 * @param dryRunReport {@code --dry-run-report}: a report of {@code dry-run --format json} to attach, or {@code null}
 */
record SignOptions(String migration, Verdict verdict, String note, Reviewer reviewer, boolean confirmAll,
                   String dryRunReport, boolean help) {

    static final String USAGE = """
            usage: redline sign MIGRATION --verdict approve|reject [--note TEXT] [--reviewer "Name <email>"]
                                [--dry-run-report FILE.json] --confirm-all

            Prints MIGRATION's checklist and findings, then records your review in its review file (next to it,
            or under .redline/reviews/ for tools that read every file in their folder). The file holds the
            migration's SHA-256: any later edit makes the review stale. When git is set up for SSH signing
            (gpg.format=ssh, user.signingkey), the review is signed with ssh-keygen.

              --verdict V           approve or reject
              --note TEXT           a note for the record (no passwords: the file is committed)
              --reviewer WHO        "Name <email>"; default: git config user.name and user.email
              --dry-run-report F    attach the evidence of 'redline dry-run --format json' (target, server
                                    version, row counts, failures, locks, time; never a password)
              --confirm-all         confirm all six checklist points; needed when not run from a terminal
                                    (at a terminal, without it, you are asked point by point)
              -h, --help            show this help

            exit codes: 0 recorded, 2 usage error, nothing recorded
            """;

    static SignOptions parse(List<String> args) throws UsageException {
        String migration = null;
        Verdict verdict = null;
        String note = null;
        Reviewer reviewer = null;
        boolean confirmAll = false;
        String dryRun = null;
        ArgReader r = new ArgReader(args);
        while (r.next()) {
            if (r.isOperand()) {
                if (migration != null) {
                    throw new UsageException("sign takes one MIGRATION, not '" + migration + "' and '"
                            + r.argument() + "'");
                }
                migration = r.argument();
                continue;
            }
            switch (r.option()) {
                case "-h", "--help" -> {
                    return new SignOptions(null, null, null, null, false, null, true);
                }
                case "--verdict" -> {
                    String value = r.value();
                    verdict = Verdict.fromId(value);
                    if (verdict == null) {
                        throw new UsageException("unknown --verdict '" + value + "' (expected approve or reject)");
                    }
                }
                case "--note" -> note = r.value();
                case "--reviewer" -> {
                    String value = r.value();
                    reviewer = Reviewer.parse(value);
                    if (reviewer == null) {
                        throw new UsageException("--reviewer must look like \"Name <email>\", not '" + value + "'");
                    }
                }
                case "--dry-run-report" -> dryRun = r.value();
                case "--confirm-all" -> {
                    r.noValue();
                    confirmAll = true;
                }
                default -> throw r.unknown("sign");
            }
        }
        if (migration == null) {
            throw new UsageException("sign needs a MIGRATION (the migration file to sign off)");
        }
        if (verdict == null) {
            throw new UsageException("sign needs --verdict approve or --verdict reject");
        }
        return new SignOptions(migration, verdict, note, reviewer, confirmAll, dryRun, false);
    }
}
