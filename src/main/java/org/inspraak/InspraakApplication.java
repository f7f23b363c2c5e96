package org.inspraak;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class InspraakApplication {

    public static void main(String[] args) {
        // --backup / --restore run without a web server and exit.
        java.util.Optional<Integer> exit = org.inspraak.backup.BackupCommand.handle(args);
        if (exit.isEmpty()) {
            // --import-polis runs the application without a web server, imports, and exits.
            exit = org.inspraak.insight.PolisCommand.handle(args);
        }
        if (exit.isPresent()) {
            System.exit(exit.get());
        }
        SpringApplication.run(InspraakApplication.class, args);
    }
}
