package dev.redline.review;

import dev.redline.core.analysis.MigrationAnalysis;
import dev.redline.core.analysis.ProjectAnalysis;
import dev.redline.core.analysis.ProjectAnalyzer;
import dev.redline.core.io.Sha256;
import dev.redline.core.model.Migration;
import dev.redline.core.model.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reviews of one repository: where each migration's review file is, what state each migration is in, and
 * recording a sign-off. The CLI ({@code check}, {@code sign}, {@code review}) and the workbench both go through
 * this class. Everything lives under the repository's top folder (the nearest folder up holding {@code .git}; the
 * folder itself when there is none): {@code .redline/config.properties}, {@code .redline/allowed_signers},
 * {@code .redline/reviews/}.
 */
public final class ReviewBook {

    /** Review files are small; anything bigger is not one. */
    static final long MAX_REVIEW_BYTES = 1L << 20;

    private final Path home;
    /** {@code home} as a string ending in the separator: the prefix of every path inside the repository. */
    private final String homePrefix;
    private final ProjectConfig config;
    private final GitRepository git;

    private ReviewBook(Path home, ProjectConfig config, GitRepository git) {
        this.home = home;
        String h = home.toString();
        String sep = home.getFileSystem().getSeparator();
        this.homePrefix = h.endsWith(sep) ? h : h + sep;
        this.config = config;
        this.git = git;
    }

    /**
     * The reviews of the repository holding {@code path} (a project folder, a migration, any file in it).
     *
     * @throws ReviewException when {@code .redline/config.properties} cannot be read or has an error
     */
    public static ReviewBook open(Path path) throws ReviewException {
        Path start = path.toAbsolutePath().normalize();
        Path folder = Files.isDirectory(start) ? start : start.getParent();
        Path root = GitRepository.findRoot(folder);
        Path home = root != null ? root : folder;
        return new ReviewBook(home, ProjectConfig.load(home), root != null ? new GitRepository(home) : null);
    }

    /** The repository's top folder, where {@code .redline/} is. */
    public Path home() {
        return home;
    }

    public ProjectConfig config() {
        return config;
    }

    /** The analyzer for this project: Redline's rules as {@code .redline/config.properties} sets them. */
    public ProjectAnalyzer analyzer() {
        return new ProjectAnalyzer(config.rules().rules());
    }

    /** {@code file}'s path relative to the repository's top folder, {@code /} separators. */
    public String repositoryPath(Path file) {
        String fast = fastRepositoryPath(file);
        if (fast != null) {
            return fast;
        }
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(home)) {
            return absolute.getFileName().toString();
        }
        StringBuilder s = new StringBuilder();
        for (Path part : home.relativize(absolute)) {
            if (s.length() > 0) {
                s.append('/');
            }
            s.append(part);
        }
        return s.toString();
    }

    /**
     * {@link #repositoryPath} by string operations for the common case, an absolute path already normalised (as the
     * layout scan produces them), or {@code null} when the path needs the general treatment.
     */
    private String fastRepositoryPath(Path file) {
        if (!file.isAbsolute()) {
            return null;
        }
        String s = file.toString();
        if (!s.startsWith(homePrefix) || s.length() == homePrefix.length()) {
            return null;
        }
        String rel = s.substring(homePrefix.length());
        String sep = file.getFileSystem().getSeparator();
        if (sep.length() != 1 || !plainSegments(rel, sep.charAt(0))) {
            return null;
        }
        return "/".equals(sep) ? rel : rel.replace(sep, "/");
    }

    /** Whether no segment of {@code rel} is empty, {@code .} or {@code ..}: the path is already normal. */
    private static boolean plainSegments(String rel, char sep) {
        int start = 0;
        while (start <= rel.length()) {
            int end = rel.indexOf(sep, start);
            if (end < 0) {
                end = rel.length();
            }
            int len = end - start;
            if (len == 0 || (len == 1 && rel.charAt(start) == '.')
                    || (len == 2 && rel.charAt(start) == '.' && rel.charAt(start + 1) == '.')) {
                return false;
            }
            start = end + 1;
        }
        return true;
    }

    /** Where the migration's review file is written ({@link ReviewPlacement} for its tool). */
    public Path reviewFile(Migration migration) {
        return reviewFile(migration.file(), migration.tool());
    }

    /** Where the review file of the migration {@code file}, applied by {@code tool}, is written. */
    public Path reviewFile(Path file, Tool tool) {
        return location(file, ReviewPlacement.forTool(tool));
    }

    private Path location(Path migrationFile, ReviewPlacement placement) {
        Path file = migrationFile.toAbsolutePath().normalize();
        if (placement == ReviewPlacement.SIDECAR) {
            return file.resolveSibling(file.getFileName() + ReviewPlacement.SUFFIX);
        }
        return home.resolve(ReviewPlacement.CENTRAL_FOLDER).resolve(repositoryPath(file) + ReviewPlacement.SUFFIX);
    }

    /** Where to look: the tool's own place first, then the other, so a file detected as another tool is still found. */
    private static final List<ReviewPlacement> SIDECAR_FIRST = List.of(ReviewPlacement.SIDECAR, ReviewPlacement.CENTRAL);
    private static final List<ReviewPlacement> CENTRAL_FIRST = List.of(ReviewPlacement.CENTRAL, ReviewPlacement.SIDECAR);

    private boolean centralFolderExists() {
        return Files.isDirectory(home.resolve(ReviewPlacement.CENTRAL_FOLDER));
    }

    /** The state of every migration of a project analysis, in its order. */
    public List<ReviewStatus> statuses(ProjectAnalysis analysis) {
        Map<Path, Loaded> loaded = new HashMap<>();
        boolean central = centralFolderExists();
        List<ReviewStatus> out = new ArrayList<>(analysis.migrations().size());
        for (MigrationAnalysis m : analysis.migrations()) {
            out.add(status(m, loaded, central));
        }
        return out;
    }

    /** The state of one migration. Never throws: a review file that cannot be trusted is {@code invalid}. */
    public ReviewStatus status(MigrationAnalysis analysis) {
        return status(analysis, new HashMap<>(), centralFolderExists());
    }

    private ReviewStatus status(MigrationAnalysis analysis, Map<Path, Loaded> cache, boolean centralExists) {
        Migration migration = analysis.migration();
        boolean required = analysis.needsReview();
        ReviewPlacement own = ReviewPlacement.forTool(migration.tool());
        Path expected = location(migration.file(), own); // where sign-off would write it
        Path file = null;
        for (ReviewPlacement place : own == ReviewPlacement.SIDECAR ? SIDECAR_FIRST : CENTRAL_FIRST) {
            // Without a central folder there is nothing in it to look for (one check per project, not per file).
            if (place == ReviewPlacement.CENTRAL && !centralExists) {
                continue;
            }
            Path candidate = place == own ? expected : location(migration.file(), place);
            if (Files.exists(candidate)) {
                file = candidate;
                break;
            }
        }
        if (file == null) {
            String shown = repositoryPath(expected);
            return required
                    ? new ReviewStatus(ReviewState.MISSING, true, "no review (expected " + shown + ")", expected,
                            shown, null, null, null)
                    : new ReviewStatus(ReviewState.NOT_REQUIRED, false, "no destructive or risky finding", expected,
                            shown, null, null, null);
        }
        String shown = repositoryPath(file);
        String path = repositoryPath(migration.file());
        Loaded l = cache.computeIfAbsent(file, f -> load(f, path));
        if (l.problem != null) {
            return new ReviewStatus(ReviewState.INVALID, true, shown + ": " + l.problem, file, shown, null,
                    l.signature, null);
        }
        Review review = l.review;
        String by = review.reviewer().display() + " at " + review.reviewedAt();
        if (!review.sha256().equals(analysis.sha256())) {
            ReviewedVersion.Change change = ReviewedVersion.find(git, path, review.sha256(), analysis.sha256());
            String verb = review.verdict() == Verdict.APPROVE ? "approved" : "rejected";
            return new ReviewStatus(ReviewState.STALE, required, change.summary() + "; " + verb + " by " + by,
                    file, shown, review, l.signature, change.diff());
        }
        if (review.verdict() == Verdict.REJECT) {
            return new ReviewStatus(ReviewState.REJECTED, true, "rejected by " + by
                    + (review.note() == null ? "" : ": " + review.note()), file, shown, review, l.signature, null);
        }
        String approved = "approved by " + by;
        SignatureCheck sig = l.signature;
        if (config.requireSignature() && sig.status() != SignatureCheck.Status.VALID) {
            String why = switch (sig.status()) {
                case UNSIGNED -> "not signed, and " + ProjectConfig.FILE + " sets reviews.requireSignature=true";
                default -> sig.detail();
            };
            return new ReviewStatus(ReviewState.APPROVED, required, approved + ", but " + why, file, shown, review,
                    sig, null);
        }
        return new ReviewStatus(ReviewState.APPROVED, false, approved
                + (sig.status() == SignatureCheck.Status.VALID ? " (signed)" : ""), file, shown, review, sig, null);
    }

    /** A review file read and checked as far as the file alone allows. */
    private record Loaded(Review review, String problem, SignatureCheck signature) {
    }

    private Loaded load(Path file, String expectedMigration) {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                return new Loaded(null, "not a file", null);
            }
            if (Files.size(file) > MAX_REVIEW_BYTES) {
                return new Loaded(null, "too large for a review file (over 1 MiB)", null);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return new Loaded(null, "cannot be read (" + e.getMessage() + ")", null);
        }
        Review review;
        try {
            review = ReviewJson.read(bytes);
        } catch (ReviewJson.InvalidReviewFile e) {
            return new Loaded(null, e.getMessage(), null);
        }
        if (!review.migration().equals(expectedMigration)) {
            return new Loaded(null, "it reviews " + review.migration() + ", not " + expectedMigration, null);
        }
        SignatureCheck sig = review.signature() == null ? SignatureCheck.unsigned()
                : SshSignatures.verify(ReviewJson.write(review.unsigned()), review.signature(),
                        review.reviewer().email(), allowedSigners(), config.allowedSigners());
        if (sig.status() == SignatureCheck.Status.INVALID) {
            return new Loaded(null, sig.detail(), sig);
        }
        return new Loaded(review, null, sig);
    }

    private Path allowedSigners() {
        try {
            return home.resolve(config.allowedSigners());
        } catch (InvalidPathException e) {
            return home.resolve(ProjectConfig.DEFAULT_ALLOWED_SIGNERS);
        }
    }

    /**
     * The analyses of one migration file (two for a goose or dbmate file with a down part), analysed as part of the
     * repository so the schema before it is known; failing that, of its folder, then alone. Empty when Redline does
     * not see a migration in the file.
     */
    public List<MigrationAnalysis> analyze(Path migrationFile) {
        Path file = migrationFile.toAbsolutePath().normalize();
        ProjectAnalyzer analyzer = analyzer();
        for (Path root : List.of(home, file.getParent(), file)) {
            List<MigrationAnalysis> found = analyzer.analyze(root, false).migrations().stream()
                    .filter(m -> m.migration().file().toAbsolutePath().normalize().equals(file))
                    .toList();
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    /** A sign-off draft for the analyses of one migration file ({@link #analyze}). */
    public SignOffDraft draft(List<MigrationAnalysis> analyses) {
        return SignOffDraft.of(analyses, repositoryPath(analyses.get(0).migration().file()));
    }

    /** The reviewer git knows ({@code user.name}, {@code user.email}), or {@code null}. */
    public Reviewer defaultReviewer() {
        if (git == null) {
            return null;
        }
        String name = git.config("user.name");
        String email = git.config("user.email");
        return name == null || email == null || !email.contains("@") ? null : new Reviewer(name, email);
    }

    /** The key git signs with when it is set up for SSH signing ({@code gpg.format=ssh}), else {@code null}. */
    public String sshSigningKey() {
        if (git == null || !"ssh".equals(git.config("gpg.format"))) {
            return null;
        }
        return git.config("user.signingkey");
    }

    /**
     * Records a sign-off: checks the draft, signs it when git is set up for SSH signing, and writes the review
     * file atomically.
     *
     * @param note           the reviewer's overall note, or {@code null}
     * @param dryRun         the evidence of a dry-run of this migration, or {@code null}
     * @param redlineVersion the running Redline's version, recorded in the file
     * @throws ReviewException when an approval has points not confirmed, the file changed since it was analysed,
     *                         signing is required but not set up or fails, or the file cannot be written
     */
    public SignedReview record(SignOffDraft draft, Verdict verdict, Reviewer reviewer, String note,
                               DryRunEvidence dryRun, String redlineVersion, Clock clock) throws ReviewException {
        if (draft.sha256() == null) {
            throw new ReviewException("cannot sign off " + draft.migration() + ": it could not be read");
        }
        if (verdict == Verdict.APPROVE && !draft.unconfirmed().isEmpty()) {
            throw new ReviewException("an approval needs every checklist point confirmed; not confirmed: "
                    + draft.unconfirmed());
        }
        try {
            String now = Sha256.of(Files.readAllBytes(draft.file()));
            if (!now.equals(draft.sha256())) {
                throw new ReviewException(draft.migration() + " changed since it was analysed; review it again");
            }
        } catch (IOException e) {
            throw new ReviewException("cannot read " + draft.migration() + ": " + e.getMessage(), e);
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Review review = new Review(Review.SCHEMA_VERSION, draft.migration(), draft.sha256(), draft.tool(), verdict,
                reviewer, at, note == null || note.isBlank() ? null : note.strip(), draft.points(),
                draft.findingIds(), dryRun, redlineVersion, null);
        String key = sshSigningKey();
        if (key != null) {
            review = review.withSignature(SshSignatures.sign(ReviewJson.write(review), key, home));
        } else if (config.requireSignature()) {
            throw new ReviewException(ProjectConfig.FILE + " sets reviews.requireSignature=true, but git is not set "
                    + "up to sign with SSH: git config gpg.format ssh; "
                    + "git config user.signingkey ~/.ssh/id_ed25519.pub");
        }
        Path file = reviewFile(draft.file(), draft.tool());
        try {
            ReviewFiles.writeAtomically(file, ReviewJson.write(review));
        } catch (IOException e) {
            throw new ReviewException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return new SignedReview(file, repositoryPath(file), review);
    }
}
