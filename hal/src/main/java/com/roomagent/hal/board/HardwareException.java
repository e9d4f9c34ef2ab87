package com.roomagent.hal.board;

/**
 * A line, an LED or a chip did not do what it was asked: the driver refused, the device did not
 * answer, or it answered nonsense. The message says which device, where (line, bus and address)
 * and what went wrong. The HAL degrades the device's feature and keeps the others running.
 */
public final class HardwareException extends Exception {
    private static final long serialVersionUID = 1L;

    public HardwareException(String message) {
        super(message);
    }

    public HardwareException(String message, Throwable cause) {
        super(message, cause);
    }
}
