package io.sluice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.function.Function;

/** What every benchmark's {@code main} does around its run: usage, exit codes, and saving the report. */
final class BenchMain {

    /** A benchmark run, returning the process exit code. */
    interface Run {
        int run() throws Exception;
    }

    private BenchMain() {
    }

    /**
     * Prints {@code usage} for {@code --help}; otherwise creates the run from the arguments (an
     * {@code IllegalArgumentException} there means bad arguments) and exits with its code: 0 when every case
     * completed, 1 when one did not or the run failed, 2 on bad arguments.
     */
    static void main(String[] args, String usage, Function<String[], Run> create) {
        if (Arrays.asList(args).contains("--help")) {
            System.out.println(usage);
            return;
        }
        Run run;
        try {
            run = create.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(usage);
            System.exit(2);
            return;
        }
        int code;
        try {
            code = run.run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            code = 1;
        }
        // The embedded broker leaves non-daemon threads behind: only an explicit exit ends the JVM.
        System.exit(code);
    }

    /** Saves {@code report} as {@code results/<name>-<UTC time>.md} under {@code work} and returns the file. */
    static Path save(Path work, String name, String report) throws IOException {
        Path dir = Files.createDirectories(work.resolve("results"));
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(Instant.now().atOffset(ZoneOffset.UTC));
        return Files.writeString(dir.resolve(name + "-" + stamp + ".md"), report);
    }
}
