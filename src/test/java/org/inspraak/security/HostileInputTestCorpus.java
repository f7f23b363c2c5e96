package org.inspraak.security;

import java.io.IOException;
import java.util.List;

/** Shared access to the XSS payload corpus for Karibu and browser tests. */
public final class HostileInputTestCorpus {

    private HostileInputTestCorpus() {}

    public static List<String> payloads() throws IOException {
        return HostileInputTest.payloads();
    }
}
