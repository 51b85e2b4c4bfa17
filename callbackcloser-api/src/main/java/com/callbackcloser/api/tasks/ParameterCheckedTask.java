package com.callbackcloser.api.tasks;

import java.util.List;
import java.util.Map;

/** A task that can say, before running, that its parameters are wrong (answered 400 with the reason). */
public interface ParameterCheckedTask {
    /**
     * Refuses parameters the task cannot run with.
     *
     * @throws IllegalArgumentException saying what is wrong and what the task takes
     */
    void checkParameters(Map<String, List<String>> parameters);
}
