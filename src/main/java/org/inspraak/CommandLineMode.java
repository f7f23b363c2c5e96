package org.inspraak;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A mode that runs instead of the web server (backup, restore, Polis import) and then exits. Modes are found with
 * {@link ServiceLoader} ({@code META-INF/services}), so the application starts them without knowing their modules.
 */
public interface CommandLineMode {

    /** Empty when the arguments are not for this mode; otherwise the mode ran and this is the exit code. */
    Optional<Integer> run(String[] args);

    /**
     * Starts the application's services without the web server, Vaadin or demo data, for a mode's work. The given
     * arguments are passed on; command-line arguments outrank application.properties (default properties would not).
     */
    static ConfigurableApplicationContext startWithoutWebServer(List<String> args) {
        List<String> springArgs = new ArrayList<>(args);
        springArgs.add("--inspraak.demo-data=false");
        springArgs.add("--spring.main.banner-mode=off");
        springArgs.add("--spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration");
        return new SpringApplicationBuilder(InspraakApplication.class)
                .web(WebApplicationType.NONE)
                .run(springArgs.toArray(String[]::new));
    }

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
