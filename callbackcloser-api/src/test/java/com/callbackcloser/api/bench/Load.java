package com.callbackcloser.api.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Closed-loop HTTP load: {@code concurrency} clients, each sending its next request as soon as the last one is
 * answered, first for a warm-up that is not recorded, then for the measured period.
 */
public final class Load {
    private Load() {}

    /** The requests to send; called from many threads. */
    @FunctionalInterface
    public interface Requests {
        HttpRequest next(long sequence);
    }

    public record Result(
            String what,
            int concurrency,
            long requests,
            double perSecond,
            double p50Millis,
            double p99Millis,
            Map<Integer, Long> statuses,
            CpuMeter.Use cpu) {
        Result withCpu(CpuMeter.Use use) {
            return new Result(what, concurrency, requests, perSecond, p50Millis, p99Millis, statuses, use);
        }

        public long failures() {
            return statuses.entrySet().stream()
                    .filter(status -> status.getKey() != 200)
                    .mapToLong(Map.Entry::getValue)
                    .sum();
        }
    }

    public static Result closedLoop(
            String what, int concurrency, Duration warmup, Duration measured, HttpClient http, Requests requests)
            throws InterruptedException {
        return closedLoop(what, concurrency, warmup, measured, http, requests, null);
    }

    /** As above, with the CPU each side spent per request in the measured period, when a meter is given. */
    public static Result closedLoop(
            String what,
            int concurrency,
            Duration warmup,
            Duration measured,
            HttpClient http,
            Requests requests,
            CpuMeter meter)
            throws InterruptedException {
        Recorder recorder = new Recorder(3);
        LongAdder completed = new LongAdder();
        AtomicLong sequence = new AtomicLong();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measured.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Thread client = new Thread(
                    () -> {
                        while (true) {
                            long before = System.nanoTime();
                            if (before >= end) {
                                return;
                            }
                            int status;
                            try {
                                status = http.send(
                                                requests.next(sequence.incrementAndGet()),
                                                HttpResponse.BodyHandlers.discarding())
                                        .statusCode();
                            } catch (IOException e) {
                                status = -1;
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                            long after = System.nanoTime();
                            if (before >= measureFrom && after <= end) {
                                recorder.recordValue(after - before);
                                completed.increment();
                                statuses.computeIfAbsent(status, s -> new LongAdder())
                                        .increment();
                            }
                        }
                    },
                    "load-" + i);
            client.start();
            clients.add(client);
        }
        CpuMeter.Use cpu = null;
        if (meter != null) {
            sleepUntil(measureFrom);
            CpuMeter.Sample before = meter.sample();
            long countedBefore = completed.sum();
            sleepUntil(end);
            cpu = CpuMeter.between(before, meter.sample(), completed.sum() - countedBefore);
        }
        for (Thread client : clients) {
            client.join();
        }
        Histogram latencies = recorder.getIntervalHistogram();
        Map<Integer, Long> counted = new TreeMap<>();
        statuses.forEach((status, count) -> counted.put(status, count.sum()));
        return new Result(
                what,
                concurrency,
                completed.sum(),
                completed.sum() / (measured.toNanos() / 1e9),
                latencies.getValueAtPercentile(50) / 1e6,
                latencies.getValueAtPercentile(99) / 1e6,
                counted,
                cpu);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    /**
     * Open-loop load at a fixed rate from {@code concurrency} clients: each sends on its own schedule (every
     * concurrency/rate seconds, staggered), so the offered load does not fall when answers slow down.
     */
    public static Result paced(
            String what, int concurrency, double perSecond, Duration measured, HttpClient http, Requests requests)
            throws InterruptedException {
        Recorder recorder = new Recorder(3);
        LongAdder completed = new LongAdder();
        AtomicLong sequence = new AtomicLong();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        long intervalNanos = (long) (concurrency / perSecond * 1e9);
        long start = System.nanoTime();
        long end = start + measured.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            long offset = intervalNanos * i / concurrency;
            Thread client = new Thread(
                    () -> {
                        for (long next = start + offset; next < end; next += intervalNanos) {
                            long wait = next - System.nanoTime();
                            if (wait > 0) {
                                try {
                                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                    return;
                                }
                            }
                            long before = System.nanoTime();
                            int status;
                            try {
                                status = http.send(
                                                requests.next(sequence.incrementAndGet()),
                                                HttpResponse.BodyHandlers.discarding())
                                        .statusCode();
                            } catch (IOException e) {
                                status = -1;
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                            recorder.recordValue(System.nanoTime() - before);
                            completed.increment();
                            statuses.computeIfAbsent(status, s -> new LongAdder())
                                    .increment();
                        }
                    },
                    "paced-" + i);
            client.start();
            clients.add(client);
        }
        for (Thread client : clients) {
            client.join();
        }
        Histogram latencies = recorder.getIntervalHistogram();
        Map<Integer, Long> counted = new TreeMap<>();
        statuses.forEach((status, count) -> counted.put(status, count.sum()));
        return new Result(
                what,
                concurrency,
                completed.sum(),
                completed.sum() / (measured.toNanos() / 1e9),
                latencies.getValueAtPercentile(50) / 1e6,
                latencies.getValueAtPercentile(99) / 1e6,
                counted,
                null);
    }

    /** p50 and p99 of latencies given in nanoseconds. */
    public static double[] percentiles(List<Long> nanos) {
        Histogram histogram = new Histogram(3);
        nanos.forEach(value -> histogram.recordValue(Math.max(0, value)));
        return new double[] {histogram.getValueAtPercentile(50) / 1e6, histogram.getValueAtPercentile(99) / 1e6};
    }
}
