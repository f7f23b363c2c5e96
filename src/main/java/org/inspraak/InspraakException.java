package org.inspraak;

import java.util.Arrays;

/**
 * A rule violation that the person who caused it should read. Carries a translation key (and
 * arguments) rather than text, so each view shows it in the user's own language.
 */
public class InspraakException extends RuntimeException {

    private final String key;
    private final transient Object[] args;

    public InspraakException(String key, Object... args) {
        super(key + (args.length == 0 ? "" : " " + Arrays.toString(args)));
        this.args = args;
        this.key = key;
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
