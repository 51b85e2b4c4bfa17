package com.callbackcloser.api.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the machine's CPU time went during a measurement, from {@code /proc}: the service's process, this load
 * generator's process, and everything else (PostgreSQL's backends and pgbench, on a quiet machine). Per request,
 * it shows which side a throughput ceiling comes from.
 */
final class CpuMeter {
    /** Linux reports process and machine CPU time in clock ticks of 1/100 s (USER_HZ) on every platform it runs. */
    private static final double MILLIS_PER_TICK = 10.0;

    private final long servicePid;

    CpuMeter(long servicePid) {
        this.servicePid = servicePid;
    }

    record Sample(long machineBusy, long machineAll, long service, long loadGenerator) {}

    /** CPU milliseconds per request on each side, and how busy the whole machine was. */
    record Use(double serviceMillis, double loadGeneratorMillis, double otherMillis, double machineBusy) {
        String describe(String perWhat) {
            return String.format(
                    Locale.ROOT,
                    "CPU per %s: service %.2f ms, load generator %.2f ms, PostgreSQL and the rest %.2f ms"
                            + " (machine %.0f%% busy)",
                    perWhat,
                    serviceMillis,
                    loadGeneratorMillis,
                    otherMillis,
                    machineBusy * 100);
        }
    }

    Sample sample() {
        long[] machine = machineTicks();
        return new Sample(
                machine[0],
                machine[1],
                processTicks(servicePid),
                processTicks(ProcessHandle.current().pid()));
    }

    static Use between(Sample before, Sample after, long requests) {
        double per = Math.max(1, requests);
        long busy = after.machineBusy() - before.machineBusy();
        long service = after.service() - before.service();
        long load = after.loadGenerator() - before.loadGenerator();
        long all = Math.max(1, after.machineAll() - before.machineAll());
        return new Use(
                service * MILLIS_PER_TICK / per,
                load * MILLIS_PER_TICK / per,
                Math.max(0, busy - service - load) * MILLIS_PER_TICK / per,
                busy / (double) all);
    }

    /** Busy and all ticks of every core, from the first line of /proc/stat. */
    private static long[] machineTicks() {
        String[] fields =
                read(Path.of("/proc/stat")).lines().findFirst().orElseThrow().split("\\s+", -1);
        // cpu user nice system idle iowait irq softirq steal ...
        long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
        long all = 0;
        for (int i = 1; i <= 8 && i < fields.length; i++) {
            all += Long.parseLong(fields[i]);
        }
        return new long[] {all - idle, all};
    }

    /** utime + stime of one process (fields 14 and 15 of /proc/PID/stat; the name may hold spaces). */
    private static long processTicks(long pid) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
