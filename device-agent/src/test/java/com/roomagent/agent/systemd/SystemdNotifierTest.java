package com.roomagent.agent.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class SystemdNotifierTest {
    private static final Duration ARRIVAL_LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void withoutNotifySocketNothingIsSentAndNoWatchdogRuns() {
        SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("WATCHDOG_USEC", "1000000"), 42);
        assertFalse(notifier.enabled());
        assertEquals(Optional.empty(), notifier.watchdogTimeout());
        notifier.ready("state=pairing");
        notifier.close();
    }

    @Test
    void watchdogMeantForAnotherProcessIsIgnored() {
        Map<String, String> environment =
                Map.of("NOTIFY_SOCKET", "/run/systemd/notify", "WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "7");
        assertEquals(
                Optional.empty(),
                SystemdNotifier.fromEnvironment(environment, 42).watchdogTimeout());
        assertEquals(
                Optional.of(Duration.ofSeconds(30)),
                SystemdNotifier.fromEnvironment(environment, 7).watchdogTimeout());
    }

    @Test
    void abstractNamesStartWithNulAndPathsEndWithIt() throws NotifyException {
        byte[] path = NotifySocket.sockaddr("/run/n");
        assertEquals(2 + "/run/n".length() + 1, path.length);
        assertEquals(0, path[path.length - 1]);
        byte[] abstractName = NotifySocket.sockaddr("@n");
        assertEquals(2 + "@n".length(), abstractName.length);
        assertEquals(0, abstractName[2]);
        assertEquals('n', abstractName[3]);
        assertThrows(NotifyException.class, () -> NotifySocket.sockaddr("relative/path"));
        assertThrows(NotifyException.class, () -> NotifySocket.sockaddr("/" + "x".repeat(200)));
    }

    @Test
    void readyStatusAndStoppingReachTheNotifySocket() throws Exception {
        try (NotifyReceiver systemd = new NotifyReceiver(dir.resolve("notify"))) {
            SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", systemd.address()), 42);
            notifier.ready("state=pairing");
            notifier.status("state=provisioned");
            notifier.stopping();
            int[] cursor = {0};
            String ready = systemd.await(m -> m.contains("READY=1"), ARRIVAL_LIMIT, cursor)
                    .orElseThrow();
            assertTrue(ready.contains("STATUS=state=pairing"), ready);
            assertTrue(systemd.await("STATUS=state=provisioned"::equals, ARRIVAL_LIMIT, cursor)
                    .isPresent());
            assertTrue(systemd.await(m -> m.startsWith("STOPPING=1"), ARRIVAL_LIMIT, cursor)
                    .isPresent());
        }
    }

    @Test
    void watchdogIsFedOnlyWhileTheCheckAndEverySubsystemAreHealthy() throws Exception {
        try (NotifyReceiver systemd = new NotifyReceiver(dir.resolve("notify"))) {
            AtomicReference<Optional<String>> check = new AtomicReference<>(Optional.empty());
            Map<String, String> environment = Map.of("NOTIFY_SOCKET", systemd.address(), "WATCHDOG_USEC", "200000");
            try (SystemdNotifier notifier = SystemdNotifier.fromEnvironment(environment, 42)) {
                notifier.startWatchdog(check::get, () -> "state=provisioned");
                int[] cursor = {0};
                assertTrue(systemd.await(m -> m.startsWith("WATCHDOG=1"), ARRIVAL_LIMIT, cursor)
                        .isPresent());

                notifier.subsystem("registration", Optional.of("the cloud refuses the device certificate"));
                String unhealthy = systemd.await(m -> m.contains("unhealthy"), ARRIVAL_LIMIT, cursor)
                        .orElseThrow();
                assertTrue(unhealthy.contains("registration"), unhealthy);
                // Several periods (100 ms each) with the subsystem unhealthy: no keep-alive at all.
                Thread.sleep(1000);
                assertEquals(Optional.empty(), systemd.await(m -> m.contains("WATCHDOG=1"), Duration.ZERO, cursor));

                notifier.subsystem("registration", Optional.empty());
                assertTrue(systemd.await(m -> m.startsWith("WATCHDOG=1"), ARRIVAL_LIMIT, cursor)
                        .isPresent());

                check.set(Optional.of("the control socket does not answer"));
                assertTrue(systemd.await(m -> m.contains("control socket"), ARRIVAL_LIMIT, cursor)
                        .isPresent());
                Thread.sleep(1000);
                assertEquals(Optional.empty(), systemd.await(m -> m.contains("WATCHDOG=1"), Duration.ZERO, cursor));
            }
        }
    }
}
