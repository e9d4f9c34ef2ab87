package com.roomagent.agent.systemd;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Unix datagram sockets through the C library (JNA): what sd_notify(3) does, without needing
 * libsystemd. Linux only: the constants are those of Linux on x86-64, AArch64 and 32-bit ARM.
 */
public final class NotifySocket {
    static final int AF_UNIX = 1;
    static final int SOCK_DGRAM = 2;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int MSG_NOSIGNAL = 0x4000;
    static final int MSG_DONTWAIT = 0x40;
    static final int EAGAIN = 11;
    /** {@code sizeof(((struct sockaddr_un *) 0)->sun_path)} on Linux. */
    static final int SUN_PATH_MAX = 108;

    /** The few libc functions this needs. */
    interface CLibrary extends Library {
        int socket(int domain, int type, int protocol) throws LastErrorException;

        int bind(int fd, byte[] address, int addressLength) throws LastErrorException;

        NativeLong sendto(int fd, byte[] buffer, NativeLong length, int flags, byte[] address, int addressLength)
                throws LastErrorException;

        NativeLong recv(int fd, byte[] buffer, NativeLong length, int flags) throws LastErrorException;

        int close(int fd);
    }

    private static final class Holder {
        static final CLibrary LIBC = Native.load("c", CLibrary.class);
    }

    private NotifySocket() {}

    static CLibrary libc() {
        return Holder.LIBC;
    }

    /**
     * Sends {@code message} as one datagram to the socket {@code address}, as {@code $NOTIFY_SOCKET}
     * gives it: a file system path, or {@code @name} for the abstract namespace.
     *
     * @throws NotifyException when the address is not usable or the datagram cannot be sent
     */
    public static void send(String address, String message) throws NotifyException {
        byte[] sockaddr = sockaddr(address);
        byte[] payload = message.getBytes(StandardCharsets.UTF_8);
        int fd;
        try {
            fd = libc().socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        } catch (LastErrorException e) {
            throw new NotifyException("cannot open a Unix datagram socket: errno " + e.getErrorCode(), e);
        } catch (UnsatisfiedLinkError e) {
            throw new NotifyException("the C library cannot be loaded through JNA: " + e.getMessage(), e);
        }
        try {
            libc().sendto(fd, payload, new NativeLong(payload.length), MSG_NOSIGNAL, sockaddr, sockaddr.length);
        } catch (LastErrorException e) {
            throw new NotifyException(
                    "cannot send to the notify socket " + address + ": errno " + e.getErrorCode()
                            + " (is NOTIFY_SOCKET the service manager's socket?)",
                    e);
        } finally {
            libc().close(fd);
        }
    }

    /**
     * {@code struct sockaddr_un} for {@code address}, and its length as {@code sendto} and {@code
     * bind} take it: a path ends with its NUL; an abstract name ({@code @name}) starts with one and
     * has none at the end.
     */
    static byte[] sockaddr(String address) throws NotifyException {
        if (address.isEmpty()) {
            throw new NotifyException("NOTIFY_SOCKET is empty");
        }
        boolean abstractName = address.charAt(0) == '@';
        if (!abstractName && address.charAt(0) != '/') {
            throw new NotifyException("NOTIFY_SOCKET '" + address + "' is neither an absolute path nor @name");
        }
        byte[] path = address.getBytes(StandardCharsets.UTF_8);
        int pathLength = abstractName ? path.length : path.length + 1;
        if (pathLength > SUN_PATH_MAX) {
            throw new NotifyException("NOTIFY_SOCKET '" + address + "' is longer than " + SUN_PATH_MAX + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.allocate(2 + pathLength).order(ByteOrder.nativeOrder());
        buffer.putShort((short) AF_UNIX);
        if (abstractName) {
            buffer.put((byte) 0).put(path, 1, path.length - 1);
        } else {
            buffer.put(path).put((byte) 0);
        }
        return buffer.array();
    }
}
