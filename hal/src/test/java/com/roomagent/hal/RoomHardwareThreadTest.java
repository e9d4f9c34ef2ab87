package com.roomagent.hal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.hal.led.AgentState;
import com.roomagent.hal.testing.Profiles;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HAL on its own thread, as the agent runs it: it works, and close leaves no thread behind. */
class RoomHardwareThreadTest {
    @TempDir
    Path root;

    @Test
    void ownThreadHandlesAPressAndIsGoneAfterClose() throws InterruptedException {
        CountDownLatch muted = new CountDownLatch(1);
        RoomHardware hal = RoomHardware.builder(Profiles.emulated())
                .systemRoot(root)
                .listener(new HalListener() {
                    @Override
                    public void microphoneMuteChanged(boolean isMuted) {
                        if (isMuted && Thread.currentThread().getName().equals(HalScheduler.THREAD_NAME)) {
                            muted.countDown();
                        }
                    }
                })
                .start();
        try {
            hal.setAgentState(AgentState.PROVISIONING);
            hal.emulatedControls().orElseThrow().pressMuteButton();

            assertTrue(muted.await(5, TimeUnit.SECONDS), "the press reached the HAL's thread");
            assertTrue(hal.microphoneMuted());
        } finally {
            hal.close();
        }

        for (Thread thread : halThreads()) {
            thread.join(2000);
            assertFalse(thread.isAlive(), "the HAL's thread ended");
        }
        hal.setMicrophoneMuted(false); // after close: ignored, not a rejected task
        assertTrue(hal.microphoneMuted());
    }

    private static List<Thread> halThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(HalScheduler.THREAD_NAME))
                .toList();
    }
}
