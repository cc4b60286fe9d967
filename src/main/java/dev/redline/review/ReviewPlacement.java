package dev.redline.review;

import dev.redline.core.model.Tool;

/**
 * Where a tool's review files go (ADR 0005). A sidecar sits next to the migration, where the tool reads files by a
 * pattern a {@code .review.json} name is outside of; the central folder {@code .redline/reviews/} mirrors the
 * repository's paths for tools that read, or complain about, every file in their folder.
 */
public enum ReviewPlacement {
    /** {@code <migration file>.review.json}, in the migration's folder. */
    SIDECAR,
    /** {@code .redline/reviews/<path of the migration in the repository>.review.json}. */
    CENTRAL;

    public static final String SUFFIX = ".review.json";
    public static final String CENTRAL_FOLDER = ".redline/reviews";

    public static ReviewPlacement forTool(Tool tool) {
        return switch (tool) {
            // Flyway reads *.sql (and *.sql.conf) in its locations; goose globs *.sql and *.go; dbmate matches
            // ^(\d+).*\.sql$; Prisma reads only <folder>/migration.sql; Sqitch reads only the scripts its plan names.
            case FLYWAY, GOOSE, DBMATE, PRISMA, SQITCH -> SIDECAR;
            // golang-migrate takes every ^([0-9]+)_(.*)\.(down|up)\.(.*)$ in its folder (a sidecar is a "duplicate
            // migration"); Supabase's CLI warns about every other file in supabase/migrations; diesel 0.x refused a
            // migration folder holding anything but up.sql and down.sql; a plain folder's runner is unknown.
            case GOLANG_MIGRATE, SUPABASE, DIESEL, PLAIN -> CENTRAL;
        };
    }
}
