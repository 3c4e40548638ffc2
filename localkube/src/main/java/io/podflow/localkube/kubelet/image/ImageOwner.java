package io.podflow.localkube.kubelet.image;

/** The user and group that own an image's directories, as {@code chown uid:gid} in the image's build would leave them. */
public record ImageOwner(long uid, long gid) {

    /** The {@code flink} user and group of the official Flink image. */
    public static final ImageOwner FLINK = new ImageOwner(9999, 9999);

    public ImageOwner {
        if (uid < 0 || gid < 0) {
            throw new IllegalArgumentException("uid and gid must not be negative: " + uid + ":" + gid);
        }
    }

    /** Parses {@code "uid:gid"}, both numeric. */
    public static ImageOwner parse(String text) {
        String[] parts = text.trim().split(":", -1);
        try {
            if (parts.length == 2) {
                return new ImageOwner(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            }
        } catch (NumberFormatException e) {
            // reported below with the expected form
        }
        throw new IllegalArgumentException("owner '" + text + "' is not of the form uid:gid (for example 9999:9999)");
    }

    /** {@code uid:gid} as chown takes it. */
    @Override
    public String toString() {
        return uid + ":" + gid;
    }
}
