package com.roomagent.agent.proxy.pac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PacDirectiveTest {
    @Test
    void entriesAreReadInOrderWithTheirKinds() throws PacException {
        List<PacDirective> directives =
                PacDirective.parse("PROXY p1.corp:3128; HTTPS p2.corp:443;SOCKS5 s.corp:1080 ; DIRECT", "x.pac");
        assertEquals(
                List.of(
                        new PacDirective(PacDirective.Type.PROXY, "p1.corp", 3128),
                        new PacDirective(PacDirective.Type.HTTPS, "p2.corp", 443),
                        new PacDirective(PacDirective.Type.SOCKS, "s.corp", 1080),
                        new PacDirective(PacDirective.Type.DIRECT, "", 0)),
                directives);
    }

    @Test
    void aProxyWithoutAPortUsesTheKindsDefaultAndIpv6NeedsBrackets() throws PacException {
        assertEquals(
                List.of(
                        new PacDirective(PacDirective.Type.PROXY, "p.corp", 80),
                        new PacDirective(PacDirective.Type.PROXY, "2001:db8::1", 8080)),
                PacDirective.parse("proxy p.corp; PROXY [2001:db8::1]:8080", "x.pac"));
    }

    @Test
    void garbageIsABadResult() {
        for (String garbage : new String[] {"", " ; ", "PROXY", "FTP f:21", "PROXY p:99999", "PROXY p:x", "DIRECT x"}) {
            PacException error = assertThrows(PacException.class, () -> PacDirective.parse(garbage, "x.pac"), garbage);
            assertEquals(PacException.Kind.BAD_RESULT, error.kind());
        }
    }
}
