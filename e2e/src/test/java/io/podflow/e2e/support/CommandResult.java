package io.podflow.e2e.support;

/**
 * How a command of the distribution ended.
 *
 * @param exitCode the process's exit code
 * @param output its stdout and stderr, interleaved as printed
 */
public record CommandResult(int exitCode, String output) {
}
