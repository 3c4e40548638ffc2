package io.podflow.localkube.kubelet.container;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders the shell script that runs first inside a container's private mount, UTS and PID
 * namespaces: it mounts the container's image layer (an overlay over the image root, see
 * {@link ImageLayer}), bind-mounts the volumes and the pod's hosts file, sets the hostname, changes to
 * the working directory and {@code exec}s the container command (so the command becomes the
 * namespace's init process).
 *
 * <p>A mount target that does not exist is created without touching the host: the nearest existing
 * ancestor directory gets an overlay whose upper layer lives in a tmpfs private to the container,
 * and the missing directories are made in that overlay (so the host's {@code /opt} never gains a
 * {@code flink} directory). Two cases write the directory in place instead, because an overlay
 * there would hide other mounts: the nearest ancestor is {@code /}, or something is already
 * mounted below it (then the directory lands in that volume or image tree). A target below the image
 * layer is made in the layer itself, which is the container's own.
 */
public final class ContainerInitScript {

    // mounts: one "kind path" line per mount made so far, newest first; the newest mount whose
    // root contains a path is (in the orders we mount in) the one a process sees there.
    private static final String PRELUDE = String.join("\n",
            "set -e",
            "layers=0",
            "mounts=''",
            "record() { mounts=\"$1 $2",
            "$mounts\"; }",
            "newest_kind() {",
            "  printf '%s\\n' \"$mounts\" | while read -r kind root; do",
            "    case \"$1/\" in \"$root\"/*) echo \"$kind\"; break;; esac",
            "  done",
            "}",
            "has_mount_below() {",
            "  printf '%s\\n' \"$mounts\" | while read -r kind root; do",
            "    case \"$root\" in \"$1\"/*) echo yes; break;; esac",
            "  done",
            "}",
            "make_target() {",
            "  [ -e \"$1\" ] && return 0",
            "  parent=\"${1%/*}\"",
            "  while [ -n \"$parent\" ] && [ ! -d \"$parent\" ]; do parent=\"${parent%/*}\"; done",
            "  if [ -n \"$parent\" ] && [ \"$(newest_kind \"$parent\")\" != overlay ]"
                    + " && [ -z \"$(has_mount_below \"$parent\")\" ]; then",
            "    layers=$((layers + 1))",
            "    /bin/mkdir -p \"$scratch/$layers/upper\" \"$scratch/$layers/work\"",
            "    /bin/mount -t overlay overlay"
                    + " -o \"lowerdir=$parent,upperdir=$scratch/$layers/upper,workdir=$scratch/$layers/work\" \"$parent\"",
            "    record overlay \"$parent\"",
            "  fi",
            "  if [ \"$2\" = file ]; then /bin/mkdir -p \"${1%/*}\"; : > \"$1\"; else /bin/mkdir -p \"$1\"; fi",
            "}",
            "image_layer() {",
            "  make_target \"$2\" dir",
            "  /bin/mkdir -p \"$3/upper\" \"$3/work\"",
            "  /bin/mount -t overlay overlay -o \"lowerdir=$1,upperdir=$3/upper,workdir=$3/work\" \"$2\"",
            "  record overlay \"$2\"",
            "}",
            "bind() {",
            "  make_target \"$2\" \"$3\"",
            "  /bin/mount --bind \"$1\" \"$2\"",
            "  record bind \"$2\"",
            "}",
            "");

    private ContainerInitScript() {
    }

    /**
     * @param scratchDir an empty host directory that the script covers with a tmpfs for overlay layers
     * @param mounts mounts in the order to apply them (parents before children)
     * @param sourceIsFile which sources are files rather than directories, index-aligned with mounts
     */
    public static String render(String description, Path scratchDir, List<ContainerMount> mounts,
            List<Boolean> sourceIsFile, String hostname, ContainerCommand command) {
        StringBuilder script = new StringBuilder("#!/bin/sh\n# ").append(description.replace('\n', ' '))
                .append('\n').append(PRELUDE);
        script.append("scratch=").append(quote(scratchDir.toString())).append('\n');
        script.append("/bin/mount -t tmpfs -o mode=0700 tmpfs \"$scratch\"\n");
        for (int i = 0; i < mounts.size(); i++) {
            if (mounts.get(i) instanceof ImageLayer layer) {
                appendImageLayer(script, layer);
            } else if (mounts.get(i) instanceof MountSpec bind) {
                appendBind(script, bind, sourceIsFile.get(i));
            }
        }
        script.append("printf '%s' ").append(quote(hostname)).append(" > /proc/sys/kernel/hostname\n");
        script.append("cd ").append(quote(command.workingDir())).append('\n');
        // mounts and the hostname need root; the command then runs as the pod's user, if it names one
        List<String> exec = new java.util.ArrayList<>(command.user().map(ProcessUser::setprivArguments).orElse(List.of()));
        exec.addAll(command.argv());
        script.append("exec ").append(exec.stream().map(ContainerInitScript::quote)
                .collect(Collectors.joining(" "))).append('\n');
        return script.toString();
    }

    private static void appendBind(StringBuilder script, MountSpec mount, boolean sourceIsFile) {
        String target = quote(mount.target());
        script.append("bind ").append(quote(mount.source().toString())).append(' ').append(target)
                .append(sourceIsFile ? " file" : " dir").append('\n');
        if (mount.target().equals("/tmp")) {
            // a /tmp of its own is writable by every user, as /tmp always is
            script.append("/bin/chmod 1777 /tmp\n");
        }
        if (mount.readOnly()) {
            script.append("/bin/mount -o remount,bind,ro ").append(target).append('\n');
        }
    }

    private static void appendImageLayer(StringBuilder script, ImageLayer layer) {
        String target = quote(layer.target());
        script.append("image_layer ").append(quote(layer.imageDir().toString())).append(' ').append(target)
                .append(' ').append(quote(layer.layerDir().toString())).append('\n');
        for (String dir : layer.emptyDirs()) {
            String path = quote(layer.target() + "/" + dir);
            script.append("/usr/bin/rm -rf ").append(path).append(" && /bin/mkdir -p ").append(path).append('\n');
        }
        // before any volume is mounted below the image, so -xdev keeps to the layer; files keep root as owner,
        // since chown on a file would copy its content up into the layer
        layer.owner().ifPresent(owner -> script.append("/usr/bin/find ").append(target)
                .append(" -xdev -type d -exec /usr/bin/chown ").append(owner).append(" {} +\n"));
    }

    /** Single-quotes a word for the POSIX shell. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
