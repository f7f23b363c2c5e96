package org.inspraak.polis;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.inspraak.CommandLineMode;
import org.inspraak.insight.InsightService;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Command-line Polis import without a web server:
 * {@code java -jar inspraak.jar --import-polis=<folder> [--export-groups=<file.csv>] [--inspraak.data-dir=…]}.
 * Imports the folder into a new consultation, computes its opinion groups, and writes {@code participant,group}
 * with the Polis participant ids. Exit 0 on success, 1 on a bad folder (the message names file and line).
 */
public final class PolisCommand implements CommandLineMode {

    /** For {@link java.util.ServiceLoader}. */
    public PolisCommand() {}

    @Override
    public Optional<Integer> run(String[] args) {
        return handle(args);
    }

    public static Optional<Integer> handle(String[] args) {
        String folder = option(args, "--import-polis=");
        if (folder == null) {
            return Optional.empty();
        }
        String export = option(args, "--export-groups=");
        List<String> springArgs = Arrays.stream(args)
                .filter(a -> !a.startsWith("--import-polis=") && !a.startsWith("--export-groups="))
                .toList();
        try (ConfigurableApplicationContext ctx = CommandLineMode.startWithoutWebServer(springArgs)) {
            PolisImportService importer = ctx.getBean(PolisImportService.class);
            PolisImportService.Imported imported = importer.importUnchecked(Path.of(folder), p -> {});
            System.out.printf(
                    "Imported %d ideas, %d participants and %d votes into consultation %d%n",
                    imported.ideas(), imported.participants(), imported.votes(), imported.consultationId());
            imported.notes().forEach(n -> System.out.println("Note: " + n));
            if (export != null) {
                InsightService insights = ctx.getBean(InsightService.class);
                InsightService.Insights result = insights.computeUnchecked(imported.consultationId());
                Path out = Path.of(export);
                if (out.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(out.toAbsolutePath().getParent());
                }
                int lines = 0;
                try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                    w.write("participant,group\n");
                    for (Map.Entry<Long, Long> e :
                            imported.accountOfParticipant().entrySet()) {
                        Integer g = result.groupOf().get(e.getValue());
                        if (g != null && g >= 0) {
                            w.write(e.getKey() + "," + g + "\n");
                            lines++;
                        }
                    }
                }
                System.out.printf(
                        "Wrote %d grouped participants in %d groups to %s%n",
                        lines, result.groups().size(), out.toAbsolutePath());
            }
            return Optional.of(0);
        } catch (PolisFolder.FormatException e) {
            System.err.println("Import failed, nothing was imported: " + e.getMessage());
            return Optional.of(1);
        } catch (IOException | RuntimeException e) {
            System.err.println("Import failed: " + e.getMessage());
            return Optional.of(1);
        }
    }

    private static String option(String[] args, String prefix) {
        for (String a : args) {
            if (a.startsWith(prefix)) {
                return a.substring(prefix.length());
            }
        }
        return null;
    }
}
