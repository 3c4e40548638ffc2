package io.podflow.client.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * PyFlink is a later capability: a command that asks for a Python job (Flink's {@code -py}, {@code -pym},
 * {@code -pyfs}, ... options, or a PyFlink image as {@code kubernetes.container.image}) is refused before anything
 * is created, with one line a user can act on.
 */
public final class PythonJobs {

    private static final Set<String> PYTHON_OPTIONS = Set.of("-py", "--python", "-pym", "--pyModule", "-pyfs",
            "--pyFiles", "-pyarch", "--pyArchives", "-pyreq", "--pyRequirements", "-pyexec", "--pyExecutable",
            "-pyclientexec", "--pyClientExecutable");
    private static final String IMAGE_KEY = "kubernetes.container.image";
    private static final String NOT_SUPPORTED = "Python jobs are not supported yet";

    private PythonJobs() {
    }

    /**
     * Why the command cannot run, if it asks for a Python job. Only podflow's own arguments count: scanning stops at
     * the job jar, after which the arguments belong to the job.
     */
    static Optional<String> refusal(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.endsWith(".jar")) {
                return Optional.empty();
            }
            if (PYTHON_OPTIONS.contains(arg)) {
                return Optional.of(NOT_SUPPORTED + " (" + arg + "): podflow runs Java job jars only.");
            }
            if (!arg.startsWith("-D")) {
                continue;
            }
            String property = arg.equals("-D") && i + 1 < args.size() ? args.get(i + 1) : arg.substring(2);
            if (property.startsWith(IMAGE_KEY + "=") && isPyFlinkImage(property.substring(IMAGE_KEY.length() + 1))) {
                return Optional.of(NOT_SUPPORTED + " (" + property + "): use a podflow image and a Java job jar.");
            }
        }
        return Optional.empty();
    }

    /** Prints the {@link #refusal} to {@code err} if there is one; returns whether there was. */
    public static boolean refused(List<String> args, PrintStream err) {
        Optional<String> refusal = refusal(args);
        refusal.ifPresent(err::println);
        return refusal.isPresent();
    }

    /** A PyFlink image by the user docs' naming, e.g. {@code pyflink:latest} or {@code my-pyflink-app:1.0}. */
    static boolean isPyFlinkImage(String image) {
        String repository = image.replaceFirst("@.*$", "");
        repository = repository.substring(repository.lastIndexOf('/') + 1).replaceFirst(":.*$", "");
        return repository.toLowerCase(Locale.ROOT).contains("pyflink");
    }
}
