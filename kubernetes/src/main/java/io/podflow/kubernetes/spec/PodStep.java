package io.podflow.kubernetes.spec;

/** One concern of a JobManager or TaskManager pod (its config mount, its secrets, ...) as a pure transformation. */
@FunctionalInterface
public interface PodStep {

    PodDraft apply(PodDraft draft);

    /** Applies {@code steps} in order to {@code draft}. */
    static PodDraft applyAll(PodDraft draft, Iterable<? extends PodStep> steps) {
        PodDraft result = draft;
        for (PodStep step : steps) {
            result = step.apply(result);
        }
        return result;
    }
}
