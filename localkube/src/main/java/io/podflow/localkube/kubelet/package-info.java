/**
 * The process kubelet: runs the pods bound to its nodes as local processes.
 *
 * <p>Start it as {@code ProcessKubeletMain --kubeconfig FILE --state-dir DIR --nodes N [--image-map FILE]}
 * (all flags: {@link io.podflow.localkube.kubelet.KubeletOptions}). It registers {@code localkube-node-1..N}
 * with InternalIP {@code 127.0.100.N}, renews their Leases in {@code kube-node-lease} and re-posts
 * their Ready status every heartbeat.
 *
 * <p>Each pod gets a loopback address {@code 127.0.x.y} ({@code x} in 1..99) and a sandbox directory
 * {@code DIR/pods/<namespace>_<pod>/} with {@code <container>.log} (stdout and stderr, appended across
 * restarts), {@code <container>.pid} ({@code PID STARTTIME} of the namespace owner),
 * {@code <container>.init.sh}, {@code hosts} and {@code volumes/}. Each container runs as
 * {@code setsid setpriv --pdeathsig KILL unshare --mount --uts --pid --fork --kill-child --mount-proc
 * /bin/sh <container>.init.sh}: its own session, private mount, UTS and PID namespaces, the command as
 * the namespace's init process. Killing the kubelet kills {@code unshare}, which kills the init
 * process, which makes the kernel kill everything else in the namespace, so no pod process can outlive
 * the kubelet; a new kubelet also kills whatever its pid files still name.
 *
 * <p>Inside the namespace the init script bind-mounts the image root (see
 * {@link io.podflow.localkube.kubelet.image.ImageMapping}), the volumes and the hosts file. A mount
 * point that does not exist is made in an overlay (upper layer in a tmpfs private to the container)
 * over its nearest existing ancestor, so the host's {@code /opt} never gains a {@code flink}
 * directory. Exception: when that ancestor is {@code /}, or something is already mounted below it,
 * the directory is made in place (on the host for {@code /}; so prefer mount paths under an existing
 * directory such as {@code /opt} or {@code /srv}).
 *
 * <p>Service names resolve through each pod's hosts file, rewritten in place (same inode) when
 * Services or pods change: {@code <svc>} (same namespace), {@code <svc>.<ns>}, {@code <svc>.<ns>.svc}
 * and {@code <svc>.<ns>.svc.cluster.local} map to the Running and Ready pods the selector picks (all of
 * them for a headless Service, one for a ClusterIP Service). Cluster IPs are never used. Pods share the
 * host's network namespace: a server must bind its pod IP ({@code status.podIP}), not {@code 0.0.0.0}.
 *
 * <p>The kubelet API ({@link io.podflow.localkube.kubelet.api}: container logs, exec and port-forward over
 * SPDY/3.1) listens on each node address at port 10250, and NodePort and LoadBalancer Services answer on
 * loopback ({@link io.podflow.localkube.kubelet.exposure}). {@code securityContext.runAsUser} is honoured.
 */
package io.podflow.localkube.kubelet;
