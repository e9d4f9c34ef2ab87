package com.roomagent.agent.proxy.pac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PacScriptTest {
    /** Wednesday 2026-03-18 14:30:15 UTC; 15:30:15 in Paris. */
    private static final Clock WEDNESDAY =
            Clock.fixed(Instant.parse("2026-03-18T14:30:15Z"), ZoneId.of("Europe/Paris"));

    private static final Duration LIMIT = Duration.ofSeconds(2);

    private final FakePacEnvironment environment;

    PacScriptTest() throws UnknownHostException {
        environment = new FakePacEnvironment(WEDNESDAY)
                .name("intranet.corp.example", "10.1.2.3")
                .name("cloud.example.com", "203.0.113.7", "2001:db8::7")
                .name("v6only.example.com", "2001:db8::9")
                .local("192.168.1.20", "2001:db8:1::20");
    }

    /** Evaluates {@code expression} as the body of FindProxyForURL and returns its string value. */
    private String eval(String expression) throws PacException {
        String source = "function FindProxyForURL(url, host) { return String(" + expression + "); }";
        return PacScript.compile(source, "test.pac", environment, LIMIT)
                .findProxyForUrl("https://cloud.example.com/", "cloud.example.com");
    }

    @Test
    void findProxyForUrlReceivesTheUrlAndHost() throws PacException {
        String source = "function FindProxyForURL(url, host) { return 'PROXY ' + host + ':1; ' + url; }";
        PacScript script = PacScript.compile(source, "test.pac", environment, LIMIT);
        assertEquals(
                "PROXY a.example:1; https://a.example/", script.findProxyForUrl("https://a.example/", "a.example"));
    }

    @Test
    void isPlainHostNameIsTrueOnlyWithoutDots() throws PacException {
        assertEquals("true", eval("isPlainHostName('www')"));
        assertEquals("false", eval("isPlainHostName('www.example.com')"));
    }

    @Test
    void dnsDomainIsMatchesTheSuffixCaseInsensitively() throws PacException {
        assertEquals("true", eval("dnsDomainIs('www.Example.com', '.example.com')"));
        assertEquals("false", eval("dnsDomainIs('www', '.example.com')"));
    }

    @Test
    void localHostOrDomainIsMatchesExactOrUnqualified() throws PacException {
        assertEquals("true", eval("localHostOrDomainIs('www.example.com', 'www.example.com')"));
        assertEquals("true", eval("localHostOrDomainIs('www', 'www.example.com')"));
        assertEquals("false", eval("localHostOrDomainIs('www.other.com', 'www.example.com')"));
    }

    @Test
    void isResolvableAndDnsResolveUseTheEnvironmentsResolver() throws PacException {
        assertEquals("true", eval("isResolvable('intranet.corp.example')"));
        assertEquals("false", eval("isResolvable('nowhere.example')"));
        assertEquals("10.1.2.3", eval("dnsResolve('intranet.corp.example')"));
        assertEquals("null", eval("dnsResolve('nowhere.example')"));
        assertEquals("null", eval("dnsResolve('v6only.example.com')"), "dnsResolve is IPv4 only");
        assertTrue(environment.lookups().contains("nowhere.example"));
    }

    @Test
    void isInNetComparesTheMaskedAddressAndResolvesNames() throws PacException {
        assertEquals("true", eval("isInNet('10.1.2.3', '10.0.0.0', '255.0.0.0')"));
        assertEquals("true", eval("isInNet('intranet.corp.example', '10.1.0.0', '255.255.0.0')"));
        assertEquals("false", eval("isInNet('203.0.113.7', '10.0.0.0', '255.0.0.0')"));
        assertEquals("false", eval("isInNet('nowhere.example', '10.0.0.0', '255.0.0.0')"));
        assertEquals("true", eval("isInNet('255.255.255.255', '255.255.255.0', '255.255.255.0')"));
    }

    @Test
    void myIpAddressIsTheFirstIpv4OfTheDevice() throws PacException {
        assertEquals("192.168.1.20", eval("myIpAddress()"));
    }

    @Test
    void dnsDomainLevelsCountsDots() throws PacException {
        assertEquals("0", eval("dnsDomainLevels('www')"));
        assertEquals("2", eval("dnsDomainLevels('www.example.com')"));
    }

    @Test
    void shExpMatchIsAShellGlobNotARegularExpression() throws PacException {
        assertEquals("true", eval("shExpMatch('http://home.example.com/a/b', '*/a/*')"));
        assertEquals("true", eval("shExpMatch('abc.example.com', 'a?c.example.com')"));
        assertEquals("false", eval("shExpMatch('abcxexample.com', 'abc.example.com')"), "a dot is literal");
        assertEquals("false", eval("shExpMatch('www.example.com', '*.other.com')"));
    }

    @Test
    void weekdayRangeUsesTheInjectedClock() throws PacException {
        assertEquals("true", eval("weekdayRange('MON', 'FRI')"));
        assertEquals("true", eval("weekdayRange('WED')"));
        assertEquals("false", eval("weekdayRange('SAT', 'SUN')"));
        assertEquals("true", eval("weekdayRange('FRI', 'WED')"), "wraps around the week");
        assertEquals("true", eval("weekdayRange('WED', 'GMT')"));
    }

    @Test
    void dateRangeHandlesDaysMonthsYearsAndRanges() throws PacException {
        assertEquals("true", eval("dateRange(18)"));
        assertEquals("true", eval("dateRange('MAR')"));
        assertEquals("true", eval("dateRange(2026)"));
        assertEquals("false", eval("dateRange(2025)"));
        assertEquals("true", eval("dateRange('JAN', 'MAR')"));
        assertEquals("false", eval("dateRange('APR', 'JUN')"));
        assertEquals("true", eval("dateRange('NOV', 'MAR')"), "wraps around the year");
        assertEquals("true", eval("dateRange(1, 'MAR', 31, 'MAR')"));
        assertEquals("false", eval("dateRange(19, 'MAR', 31, 'MAR')"));
        assertEquals("true", eval("dateRange(1, 'JAN', 2026, 31, 'DEC', 2026)"));
        assertEquals("false", eval("dateRange(1, 'JAN', 2027, 31, 'DEC', 2027)"));
        assertEquals("true", eval("dateRange('MAR', 2026, 'APR', 2026, 'GMT')"));
    }

    @Test
    void timeRangeUsesLocalTimeOrGmt() throws PacException {
        assertEquals("true", eval("timeRange(15)"), "15:30 in Paris");
        assertEquals("true", eval("timeRange(14, 'GMT')"));
        assertEquals("true", eval("timeRange(9, 17)"));
        assertEquals("false", eval("timeRange(16, 23)"));
        assertEquals("true", eval("timeRange(15, 30, 15, 31)"));
        assertEquals("false", eval("timeRange(15, 31, 16, 0)"));
        assertEquals("true", eval("timeRange(15, 30, 15, 15, 30, 15)"));
        assertEquals("false", eval("timeRange(15, 30, 16, 15, 30, 20)"));
    }

    @Test
    void alertIsHarmless() throws PacException {
        assertEquals("undefined", eval("alert('checking ' + host)"));
    }

    @Test
    void microsoftExVariantsSeeIpv6() throws PacException {
        assertEquals("true", eval("isResolvableEx('v6only.example.com')"));
        assertEquals("203.0.113.7;2001:db8:0:0:0:0:0:7", eval("dnsResolveEx('cloud.example.com')"));
        assertEquals("192.168.1.20;2001:db8:1:0:0:0:0:20", eval("myIpAddressEx()"));
        assertEquals("true", eval("isInNetEx('v6only.example.com', '2001:db8::/32')"));
        assertEquals("true", eval("isInNetEx('10.1.2.3', '10.0.0.0/8')"));
        assertEquals("false", eval("isInNetEx('10.1.2.3', '10.0.0.0/16')"));
        assertEquals(
                "2001:db8:0:0:0:0:0:1;10.0.0.2;10.0.0.10", eval("sortIpAddressList('10.0.0.10;2001:db8::1;10.0.0.2')"));
        assertEquals("false", eval("sortIpAddressList('10.0.0.1;not-an-address')"));
    }

    @Test
    void aScriptThatLoopsForeverIsStoppedByTheTimeLimit() {
        String source = "function FindProxyForURL(url, host) { while (true) { try { } catch (e) { } } }";
        long start = System.nanoTime();
        PacException error = assertThrows(
                PacException.class,
                () -> PacScript.compile(source, "loop.pac", environment, Duration.ofMillis(200))
                        .findProxyForUrl("https://cloud.example.com/", "cloud.example.com"));
        assertEquals(PacException.Kind.TIME_LIMIT, error.kind());
        assertTrue(
                error.getMessage().contains("loop.pac") && error.getMessage().contains("200 ms"), error.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 30, "stopped, not left running");
    }

    @Test
    void aTopLevelLoopIsStoppedAtCompileTime() {
        PacException error = assertThrows(
                PacException.class,
                () -> PacScript.compile("for (;;) {}", "top.pac", environment, Duration.ofMillis(200)));
        assertEquals(PacException.Kind.TIME_LIMIT, error.kind());
    }

    @Test
    void slowNameLookupsCountAgainstTheTimeLimit() throws UnknownHostException {
        FakePacEnvironment silentDns = new FakePacEnvironment(WEDNESDAY).unknownNamesHang();
        String source = "function FindProxyForURL(url, host) {"
                + " for (var i = 0; i < 100; i++) { dnsResolve('n' + i + '.example'); } return 'DIRECT'; }";
        PacException error = assertThrows(
                PacException.class,
                () -> PacScript.compile(source, "dns.pac", silentDns, Duration.ofMillis(300))
                        .findProxyForUrl("https://cloud.example.com/", "cloud.example.com"));
        assertEquals(PacException.Kind.TIME_LIMIT, error.kind());
        assertTrue(silentDns.lookups().size() < 100, "stopped before every lookup ran");
    }

    @Test
    void aScriptThatCallsJavaIsRefused() {
        for (String call : new String[] {
            "java.lang.System.exit(1)", "Packages.java.lang.Runtime.getRuntime()", "new java.io.File('/etc/passwd')"
        }) {
            String source = "function FindProxyForURL(url, host) { " + call + "; return 'DIRECT'; }";
            PacException error = assertThrows(
                    PacException.class,
                    () -> PacScript.compile(source, "evil.pac", environment, LIMIT)
                            .findProxyForUrl("https://cloud.example.com/", "cloud.example.com"));
            assertEquals(PacException.Kind.JAVA_REFUSED, error.kind(), call + ": " + error.getMessage());
        }
    }

    @Test
    void aScriptThatThrowsGivesAScriptError() {
        String source = "function FindProxyForURL(url, host) { throw 'no proxy for you'; }";
        PacException error = assertThrows(
                PacException.class,
                () -> PacScript.compile(source, "throw.pac", environment, LIMIT)
                        .findProxyForUrl("https://cloud.example.com/", "cloud.example.com"));
        assertEquals(PacException.Kind.SCRIPT_ERROR, error.kind());
        assertTrue(error.getMessage().contains("threw no proxy for you"), error.getMessage());
    }

    @Test
    void endlessRecursionIsAScriptErrorNotACrash() {
        String source = "function f() { return f(); } function FindProxyForURL(url, host) { return f(); }";
        PacException error = assertThrows(
                PacException.class,
                () -> PacScript.compile(source, "deep.pac", environment, LIMIT)
                        .findProxyForUrl("https://cloud.example.com/", "cloud.example.com"));
        assertEquals(PacException.Kind.SCRIPT_ERROR, error.kind(), error.getMessage());
    }

    @Test
    void invalidJavaScriptIsASyntaxError() {
        PacException error = assertThrows(
                PacException.class,
                () -> PacScript.compile("function FindProxyForURL(url, host) {", "bad.pac", environment, LIMIT));
        assertEquals(PacException.Kind.SYNTAX, error.kind());
    }

    @Test
    void aScriptWithoutFindProxyForUrlIsRefused() {
        PacException error = assertThrows(
                PacException.class, () -> PacScript.compile("var x = 1;", "empty.pac", environment, LIMIT));
        assertEquals(PacException.Kind.SYNTAX, error.kind());
        assertTrue(error.getMessage().contains("FindProxyForURL"));
    }

    @Test
    void aResultThatIsNotAStringIsABadResult() {
        String source = "function FindProxyForURL(url, host) { return 42; }";
        PacException error = assertThrows(
                PacException.class,
                () -> PacScript.compile(source, "number.pac", environment, LIMIT)
                        .findProxyForUrl("https://cloud.example.com/", "cloud.example.com"));
        assertEquals(PacException.Kind.BAD_RESULT, error.kind());
    }

    @Test
    void gmtClockFieldsDoNotDependOnTheJvmTimeZone() throws PacException, UnknownHostException {
        FakePacEnvironment utc =
                new FakePacEnvironment(Clock.fixed(Instant.parse("2026-03-18T23:30:00Z"), ZoneOffset.ofHours(2)));
        String source = "function FindProxyForURL(url, host) { return String(weekdayRange('THU') + ' '"
                + " + weekdayRange('WED', 'GMT')); }";
        assertEquals(
                "true true", PacScript.compile(source, "tz.pac", utc, LIMIT).findProxyForUrl("https://a/", "a"));
    }
}
