package io.podflow.metrics.prometheus;

/** A port such as {@code 9249}, or a range such as {@code 9250-9260} to take the first free port of. */
record PortRange(int first, int last) {

    PortRange {
        if (first < 0 || last > 65535 || first > last) {
            throw new IllegalArgumentException("'" + first + "-" + last + "' is not a port range within 0-65535");
        }
    }

    static PortRange parse(String text) {
        String[] bounds = text.strip().split("-", -1);
        try {
            if (bounds.length == 1) {
                int port = Integer.parseInt(bounds[0].strip());
                return new PortRange(port, port);
            }
            if (bounds.length == 2) {
                return new PortRange(Integer.parseInt(bounds[0].strip()), Integer.parseInt(bounds[1].strip()));
            }
        } catch (NumberFormatException notANumber) {
            // said below, with the whole value
        }
        throw new IllegalArgumentException("'" + text + "' is not a port or a port range such as 9250-9260");
    }

    @Override
    public String toString() {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }
}
