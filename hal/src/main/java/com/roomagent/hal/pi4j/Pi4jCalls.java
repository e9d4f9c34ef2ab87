package com.roomagent.hal.pi4j;

import com.roomagent.hal.board.HardwareException;

/** Turns Pi4J's unchecked failures into {@link HardwareException}s that say which device failed. */
final class Pi4jCalls {
    private Pi4jCalls() {}

    static <T> T call(String device, Action<T> action) throws HardwareException {
        try {
            return action.run();
        } catch (RuntimeException e) {
            // Pi4J reports I/O failures unchecked: its own Pi4JException family, and errors of its
            // native layers (JNA's LastErrorException from ioctl, gpiod's GpioDException) passed
            // through as they are. All of them mean "this device did not do it".
            throw new HardwareException(device + ": " + describe(e), e);
        }
    }

    static void run(String device, VoidAction action) throws HardwareException {
        call(device, () -> {
            action.run();
            return null;
        });
    }

    private static String describe(RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    @FunctionalInterface
    interface Action<T> {
        T run();
    }

    @FunctionalInterface
    interface VoidAction {
        void run();
    }
}
