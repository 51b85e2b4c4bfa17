package com.callbackcloser.api.admin;

import com.callbackcloser.api.tasks.ParameterCheckedTask;
import io.dropwizard.servlets.tasks.Task;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses a task's bad parameters with 400 and the reason, before the task runs: Dropwizard's task servlet answers
 * 500 with a stack trace for anything a task throws, which reads as our failure, not the caller's.
 */
public final class TaskParameterFilter implements Filter {
    private final Map<String, ParameterCheckedTask> tasksByPath = new LinkedHashMap<>();

    public TaskParameterFilter(List<? extends Task> tasks) {
        for (Task task : tasks) {
            if (task instanceof ParameterCheckedTask checked) {
                tasksByPath.put("/tasks/" + task.getName(), checked);
            }
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        String path = http.getServletPath() + (http.getPathInfo() == null ? "" : http.getPathInfo());
        ParameterCheckedTask task = tasksByPath.get(path);
        if (task != null && "POST".equals(http.getMethod())) {
            Map<String, List<String>> parameters = new LinkedHashMap<>();
            http.getParameterMap().forEach((name, values) -> parameters.put(name, Arrays.asList(values)));
            try {
                task.checkParameters(parameters);
            } catch (IllegalArgumentException e) {
                HttpServletResponse answer = (HttpServletResponse) response;
                answer.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                answer.setContentType("text/plain;charset=UTF-8");
                answer.getWriter().println(e.getMessage());
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
