package com.roomagent.emulator.provisioning;

import com.roomagent.emulator.state.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The administrator's bearer token (RFC 6750), kept in {@code <stateDir>/admin-token} so that the
 * command line ({@code cloud-emulator issue-code}) and scripts can read it, and reused across
 * restarts. Thread-safe: immutable.
 */
public final class AdminToken {
    /** The token file in the state directory: one line, owner-only (0600). */
    public static final String FILE = "admin-token";

    private static final Logger log = LoggerFactory.getLogger(AdminToken.class);
    private static final int RANDOM_BYTES = 32;
    // RFC 6750 section 2.1, b64token: what may follow "Bearer ".
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]{16,512}=*");

    private final String value;

    private AdminToken(String value) {
        this.value = value;
    }

    /**
     * Reads the token from {@code stateDir}, or creates a random one there (256 bits, base64url,
     * written atomically with owner-only permissions from the first byte).
     *
     * @throws IOException when the file cannot be read or written, or holds something that is not a
     *     token (the message names the file and what to do)
     */
    public static AdminToken loadOrCreate(Path stateDir) throws IOException {
        Path file = stateDir.resolve(FILE);
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (!B64TOKEN.matcher(stored).matches()) {
                throw new IOException(file + ": not an admin token (16 to 512 characters of A-Z a-z 0-9 -._~+/);"
                        + " delete the file to create a new token");
            }
            warnIfExposed(file);
            log.info("admin_token.loaded file={}", file);
            return new AdminToken(stored);
        }
        byte[] random = new byte[RANDOM_BYTES];
        new SecureRandom().nextBytes(random);
        String created = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        AtomicFile.write(file, (created + "\n").getBytes(StandardCharsets.US_ASCII), AtomicFile.OWNER_ONLY);
        log.info("admin_token.created file={}", file);
        return new AdminToken(created);
    }

    /** The token itself: for the command line and tests; never log it. */
    public String value() {
        return value;
    }

    /**
     * Whether an {@code Authorization} header value is {@code Bearer <this token>}; the comparison
     * takes the same time wherever the first difference is.
     */
    public boolean authorizes(String authorizationHeader) {
        String prefix = "Bearer ";
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return false;
        }
        byte[] presented = authorizationHeader.substring(prefix.length()).trim().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(presented, value.getBytes(StandardCharsets.US_ASCII));
    }

    /** Never the token. */
    @Override
    public String toString() {
        return "AdminToken[****]";
    }

    private static void warnIfExposed(Path file) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!AtomicFile.OWNER_ONLY.containsAll(permissions)) {
            log.warn(
                    "admin_token.exposed file={} permissions={} action=\"chmod 600 the token file\"",
                    file,
                    PosixFilePermissions.toString(permissions));
        }
    }
}
