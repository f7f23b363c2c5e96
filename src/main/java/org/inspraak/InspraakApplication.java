package org.inspraak;

import java.util.Optional;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class InspraakApplication {

    public static void main(String[] args) {
        // --backup, --restore and --import-polis run without a web server and exit.
        Optional<Integer> exit = CommandLineMode.runFirst(args);
        if (exit.isPresent()) {
            System.exit(exit.get());
        }
        SpringApplication.run(InspraakApplication.class, args);
    }
}
