package io.podflow.dist;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.podflow.common.config.Configuration;
import io.podflow.kubernetes.spec.TaskManagerPodFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVMs the distribution's scripts start are sized by the memory options: {@code bin/jobmanager.sh start} and
 * the command of a TaskManager pod (docker-entrypoint.sh, as the process kubelet runs it) give the JVM the heap,
 * metaspace and direct memory that the process size leaves, as {@code jcmd VM.flags} reads them from the live JVM.
 */
class JvmMemoryFlagsIT {

    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final Pattern FLAG = Pattern.compile("-XX:(\\w+)=(\\S+)");
    private static final String IMAGE_HOME = "/opt/flink";

    @TempDir
    Path temp;

    private StandaloneClusterProcesses cluster;
    private Process pod;

    @BeforeEach
    void install() throws Exception {
        Path distribution = Path.of(System.getProperty("podflow.dist.home", "target/podflow"));
        cluster = StandaloneClusterProcesses.install(distribution, temp.resolve("flink-home"));
        // the shared test configuration fixes -Xmx in env.java.opts, which would win over the derived heap
        Path conf = cluster.home().resolve("conf/flink-conf.yaml");
        List<String> lines = new ArrayList<>(Files.readAllLines(conf, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.startsWith("env.java.opts:")).toList());
        lines.add("env.java.opts: -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto");
        Files.write(conf, lines, StandardCharsets.UTF_8);
    }

    @AfterEach
    void killLeftovers() {
        if (pod != null) {
            pod.destroyForcibly();
        }
        cluster.close();
    }

    @Test
    void jobManagerShStartGivesTheJvmTheHeapItsProcessSizeLeaves() throws Exception {
        cluster.script("jobmanager.sh", "start", "-Djobmanager.memory.process.size=768m");

        Map<String, String> flags = vmFlags(cluster.pidOf("jobmanager", 0));

        // 768m - JVM overhead 192m (its minimum) - metaspace 256m - off-heap 128m
        assertEquals(mebiBytes(192), flags.get("MaxHeapSize"), flags::toString);
        assertEquals(mebiBytes(192), flags.get("InitialHeapSize"), flags::toString);
        assertEquals(mebiBytes(256), flags.get("MaxMetaspaceSize"), flags::toString);
        assertEquals(mebiBytes(128), flags.get("MaxDirectMemorySize"), flags::toString);
    }

    @Test
    void anXmxInEnvJavaOptsWinsOverTheDerivedHeap() throws Exception {
        appendToConfiguration("env.java.opts.jobmanager: -Xmx160m");
        cluster.script("jobmanager.sh", "start", "-Djobmanager.memory.process.size=768m");

        Map<String, String> flags = vmFlags(cluster.pidOf("jobmanager", 0));

        assertEquals(mebiBytes(160), flags.get("MaxHeapSize"), flags::toString);
        assertEquals(mebiBytes(128), flags.get("MaxDirectMemorySize"), flags::toString);
    }

    @Test
    void aProcessSizeTooSmallStopsTheStartWithOneLineAndNoProcess() throws Exception {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> cluster.script("jobmanager.sh", "start", "-Djobmanager.memory.process.size=512m"));

        assertTrue(failure.getMessage().endsWith("exited 1: jobmanager.memory.process.size (512m) leaves nothing for "
                + "the JVM heap after jobmanager.memory.jvm-overhead (192m: 0.1 of 512m, min 192m, max 1g) + "
                + "jobmanager.memory.jvm-metaspace.size (256m, the default) + jobmanager.memory.off-heap.size (128m, "
                + "the default), less than the 128m it needs; raise the process size or lower the others\n"),
                failure.getMessage());
        assertEquals(List.of(), cluster.liveInstances("jobmanager"));
    }

    @Test
    void aTaskManagerPodsCommandSizesItsJvmToFitThePod() throws Exception {
        // the ConfigMap's flink-conf.yaml, which the pod mounts as its conf directory
        appendToConfiguration("taskmanager.memory.process.size: 4096m",
                "taskmanager.rpc.port: " + StandaloneClusterProcesses.freePort());
        Configuration config = Configuration.fromMap(Map.of("kubernetes.cluster-id", "memory-it",
                "taskmanager.memory.process.size", "4096m"));
        Container container = new TaskManagerPodFactory(config, new OwnerReferenceBuilder().withName("memory-it")
                .withUid("uid").build()).create("memory-it-taskmanager-1-1").getSpec().getContainers().get(0);

        pod = runAsKubeletWould(container);
        Map<String, String> flags = vmFlags(pod.pid());

        // overhead 409m, metaspace 256m, network 343m (10% of the 3431m left), framework off-heap 128m
        assertEquals(mebiBytes(2960), flags.get("MaxHeapSize"), flags::toString);
        assertEquals(mebiBytes(2960), flags.get("InitialHeapSize"), flags::toString);
        assertEquals(mebiBytes(256), flags.get("MaxMetaspaceSize"), flags::toString);
        assertEquals(mebiBytes(343 + 128), flags.get("MaxDirectMemorySize"), flags::toString);
        assertEquals(new Quantity("4096Mi"), container.getResources().getLimits().get("memory"));
    }

    /** Runs the container's command with the image's /opt/flink being the installed distribution. */
    private Process runAsKubeletWould(Container container) throws IOException {
        List<String> command = new ArrayList<>();
        container.getCommand().forEach(part -> command.add(inHome(part)));
        command.addAll(container.getArgs());
        ProcessBuilder builder = new ProcessBuilder(command).directory(cluster.home().toFile())
                .redirectErrorStream(true).redirectOutput(temp.resolve("pod.out").toFile());
        Map<String, String> env = new HashMap<>(container.getEnv().stream().filter(var -> var.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, var -> inHome(var.getValue()))));
        env.put("FLINK_HOME", cluster.home().toString());
        builder.environment().putAll(env);
        return builder.start();
    }

    private String inHome(String path) {
        return path.startsWith(IMAGE_HOME + "/") ? cluster.home() + path.substring(IMAGE_HOME.length()) : path;
    }

    private void appendToConfiguration(String... lines) throws IOException {
        Files.write(cluster.home().resolve("conf/flink-conf.yaml"), List.of(lines), StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
    }

    /** The -XX flags the live JVM runs with, once it answers jcmd. */
    private static Map<String, String> vmFlags(long pid) {
        String printed = await().atMost(STARTUP).ignoreExceptions()
                .until(() -> ProcessHeap.jcmd(pid, "VM.flags"), output -> output.contains("MaxHeapSize"));
        Map<String, String> flags = new HashMap<>();
        Matcher flag = FLAG.matcher(printed);
        while (flag.find()) {
            flags.put(flag.group(1), flag.group(2));
        }
        return flags;
    }

    private static String mebiBytes(long mebiBytes) {
        return Long.toString(mebiBytes << 20);
    }
}
