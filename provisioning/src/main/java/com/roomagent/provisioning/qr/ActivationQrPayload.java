package com.roomagent.provisioning.qr;

import com.roomagent.protocol.activation.ActivationCode;
import com.roomagent.protocol.activation.ActivationCodeException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The text of a QR code that gives a device its activation code, as an installer shows it to the
 * device's camera. Two forms are accepted:
 *
 * <ul>
 *   <li>{@code ROOMAGENT:ACTIVATE:<16 digits>}, what {@link #encode} writes: only characters of the
 *       QR alphanumeric set, so the symbol stays small (version 2, 25 by 25 modules, at level M);
 *   <li>an {@code https://} link with a {@code code=} query parameter, such as {@code
 *       https://admin.example.com/activate?code=4821-0937-5562-1184}, so that one QR code can both
 *       open a page on a phone and activate a device.
 * </ul>
 *
 * <p>Only the code is taken from a link: the host is ignored, because the cloud a device enrolls
 * with is its configuration, never what a QR code says (a planted code must not redirect a device to
 * another server). The prefix is matched without regard to case; the digits may carry separators,
 * as {@link ActivationCode#parse} accepts them.
 */
public final class ActivationQrPayload {
    /** What precedes the digits in the compact form. */
    public static final String PREFIX = "ROOMAGENT:ACTIVATE:";

    private static final String HTTPS = "https://";
    private static final String CODE_PARAMETER = "code";
    private static final String FORMS = "a Room Agent activation QR code holds ROOMAGENT:ACTIVATE: and 16 digits, or an"
            + " https:// link with a code= parameter";

    private ActivationQrPayload() {}

    /** The compact form, {@code ROOMAGENT:ACTIVATE:} and the code's 16 digits. It holds the secret code. */
    public static String encode(ActivationCode code) {
        return PREFIX + Objects.requireNonNull(code, "code").digits();
    }

    /**
     * The activation code a scanned QR code carries.
     *
     * @throws QrPayloadException if the text is in neither form, or is a link without exactly one
     *     {@code code=} parameter: the QR code is not an activation code for this device
     * @throws ActivationCodeException if the text is in one of the forms but its code is not valid
     *     (wrong length, a check digit that fails): the message says which group is wrong
     */
    public static ActivationCode parse(String text) throws QrPayloadException, ActivationCodeException {
        Objects.requireNonNull(text, "text");
        String payload = text.strip();
        if (payload.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return ActivationCode.parse(payload.substring(PREFIX.length()));
        }
        if (payload.regionMatches(true, 0, HTTPS, 0, HTTPS.length())) {
            return ActivationCode.parse(codeParameter(payload));
        }
        throw new QrPayloadException("this QR code is not an activation code: " + FORMS);
    }

    private static String codeParameter(String link) throws QrPayloadException {
        String query;
        try {
            query = new URI(link).getRawQuery();
        } catch (URISyntaxException e) {
            throw new QrPayloadException("the link in this QR code is not a valid URL: " + FORMS);
        }
        List<String> codes = new ArrayList<>();
        if (query != null) {
            for (String parameter : query.split("&", -1)) {
                int equals = parameter.indexOf('=');
                String name = equals < 0 ? parameter : parameter.substring(0, equals);
                if (equals >= 0 && decode(name).toLowerCase(Locale.ROOT).equals(CODE_PARAMETER)) {
                    codes.add(decode(parameter.substring(equals + 1)));
                }
            }
        }
        if (codes.isEmpty()) {
            throw new QrPayloadException("the link in this QR code has no code= parameter: " + FORMS);
        }
        if (codes.size() > 1) {
            // Two codes are ambiguous; picking one could activate the device with the wrong one.
            throw new QrPayloadException(
                    "the link in this QR code has " + codes.size() + " code= parameters; it should have exactly one");
        }
        return codes.get(0);
    }

    private static String decode(String component) throws QrPayloadException {
        try {
            return URLDecoder.decode(component, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new QrPayloadException("the link in this QR code has a malformed %-escape: " + FORMS);
        }
    }
}
