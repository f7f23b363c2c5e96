package org.inspraak.account;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * RFC 8058 one-click unsubscribe: mail clients POST {@code List-Unsubscribe=One-Click} to the address in the
 * {@code List-Unsubscribe} header. A GET (an older client, or a person) goes to the page with the same effect.
 */
@RestController
class OneClickUnsubscribe {

    static final String PATH = "/mail/afmelden/";

    private final AccountService accounts;

    OneClickUnsubscribe(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping(PATH + "{token}")
    ResponseEntity<Void> unsubscribe(@PathVariable String token) {
        return accounts.unsubscribe(token).isPresent()
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    @GetMapping(PATH + "{token}")
    ResponseEntity<Void> page(@PathVariable String token) {
        return ResponseEntity.status(303)
                .header("Location", "/afmelden/" + token.replaceAll("[^A-Za-z0-9_-]", ""))
                .build();
    }
}
