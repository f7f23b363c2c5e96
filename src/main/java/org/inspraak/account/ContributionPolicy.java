package org.inspraak.account;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.inspraak.InspraakException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Anti-spam rules for what new accounts may post: at most a few links, because link spam comes from fresh
 * accounts. Established residents are not limited.
 */
@Component
public class ContributionPolicy {

    private static final Pattern LINK = Pattern.compile("(?i)(?:https?://|www\\.)\\S+");

    private final AccountService accounts;
    private final int newAccountDays;
    private final int newAccountLinks;
    private final int premoderateFirstPosts;

    ContributionPolicy(
            AccountService accounts,
            @Value("${inspraak.moderation.new-account-days:7}") int newAccountDays,
            @Value("${inspraak.moderation.new-account-max-links:1}") int newAccountLinks,
            @Value("${inspraak.moderation.premoderate-first-posts:0}") int premoderateFirstPosts) {
        this.accounts = accounts;
        this.newAccountDays = newAccountDays;
        this.newAccountLinks = newAccountLinks;
        this.premoderateFirstPosts = premoderateFirstPosts;
    }

    public void checkLinks(long userId, String... texts) {
        int links = 0;
        for (String text : texts) {
            Matcher m = LINK.matcher(text == null ? "" : text);
            while (m.find()) {
                links++;
            }
        }
        if (links > newAccountLinks && accounts.isNewAccount(userId, newAccountDays)) {
            throw new InspraakException("error.links.new-account", newAccountLinks);
        }
    }

    /** Whether a post by an author with this many earlier posts must wait for approval (0 = never). */
    public boolean premoderate(long earlierPosts) {
        return earlierPosts < premoderateFirstPosts;
    }
}
