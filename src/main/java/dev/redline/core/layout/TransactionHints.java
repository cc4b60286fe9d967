package dev.redline.core.layout;

import dev.redline.core.model.Migration;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Whether a tool that runs a whole file at once wraps it in a transaction. {@code null} means the tool's behaviour
 * depends on the statements inside, which the analyzer decides later.
 */
final class TransactionHints {

    private static final Pattern DIESEL_NO_TRANSACTION =
            Pattern.compile("(?m)^\\s*run_in_transaction\\s*=\\s*false\\s*(#.*)?$");

    private TransactionHints() {
    }

    static Boolean wholeFile(Migration m) {
        return switch (m.tool()) {
            // Flyway wraps each script in a transaction unless it mixes transactional and non-transactional
            // statements; a per-script V1__x.sql.conf can force it either way.
            case FLYWAY -> flywayScriptConfig(m.file());
            // golang-migrate sends the file as one multi-statement query (an implicit transaction unless it holds
            // transaction control); popx runs .autocommit. scripts outside any transaction.
            case GOLANG_MIGRATE -> GolangMigrateLayout.autocommit(m.fileName()) ? Boolean.FALSE : null;
            // Diesel runs each migration in a transaction unless metadata.toml next to it turns that off.
            case DIESEL -> dieselNoTransaction(m.file()) ? Boolean.FALSE : Boolean.TRUE;
            // Prisma, Supabase, Sqitch and plain runners send the file as it is: it depends on what it holds.
            default -> null;
        };
    }

    private static Boolean flywayScriptConfig(Path script) {
        Path conf = script.resolveSibling(script.getFileName() + ".conf");
        if (!Files.isRegularFile(conf)) {
            return null;
        }
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(conf, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        String v = props.getProperty("executeInTransaction", "").strip();
        return v.equalsIgnoreCase("true") ? Boolean.TRUE : v.equalsIgnoreCase("false") ? Boolean.FALSE : null;
    }

    private static boolean dieselNoTransaction(Path script) {
        Path metadata = script.resolveSibling("metadata.toml");
        if (!Files.isRegularFile(metadata)) {
            return false;
        }
        try {
            return DIESEL_NO_TRANSACTION.matcher(Files.readString(metadata, StandardCharsets.UTF_8)).find();
        } catch (IOException e) {
            return false;
        }
    }
}
