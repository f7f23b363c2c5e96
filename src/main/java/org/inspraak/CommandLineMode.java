package org.inspraak;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A mode that runs instead of the web server (backup, restore, Polis import) and then exits. Modes are found with
 * {@link ServiceLoader} ({@code META-INF/services}), so the application starts them without knowing their modules.
 */
public interface CommandLineMode {

    /** Empty when the arguments are not for this mode; otherwise the mode ran and this is the exit code. */
    Optional<Integer> run(String[] args);

    /** The exit code of the first mode that takes the arguments, or empty to start the web server. */
    static Optional<Integer> runFirst(String[] args) {
        for (CommandLineMode mode : ServiceLoader.load(CommandLineMode.class)) {
            Optional<Integer> exit = mode.run(args);
            if (exit.isPresent()) {
                return exit;
            }
        }
        return Optional.empty();
    }
}
