package io.podflow.protocol;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** The 32-hex-digit text form podflow's random ids use on the wire, in logs and in REST paths. */
public final class HexUuid {

    private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");

    private HexUuid() {
    }

    /** Formats the UUID as 32 lower-case hex digits, without dashes. */
    public static String format(UUID id) {
        return String.format(Locale.ROOT, "%016x%016x", id.getMostSignificantBits(), id.getLeastSignificantBits());
    }

    /** Parses 32 hex digits; {@code what} names the id in the error, e.g. "job id". */
    public static UUID parse(String text, String what) {
        if (text == null || !HEX32.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a valid " + what + ": expected 32 hex digits");
        }
        return new UUID(Long.parseUnsignedLong(text.substring(0, 16), 16),
                Long.parseUnsignedLong(text.substring(16), 16));
    }
}
