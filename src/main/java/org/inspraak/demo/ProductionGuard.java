package org.inspraak.demo;

import org.inspraak.account.AccountService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** In production the site must not run with the public demo password: refuse to start while demo accounts exist. */
@Component
@Profile("prod")
@Order(0)
class ProductionGuard implements ApplicationRunner {

    private final AccountService accounts;

    ProductionGuard(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.demoAccountsExist()) {
            throw new IllegalStateException("Refusing to start with the prod profile: the database contains demo "
                    + "accounts (password 'inspraak-demo'). Start from an empty database or delete the demo accounts.");
        }
    }
}
