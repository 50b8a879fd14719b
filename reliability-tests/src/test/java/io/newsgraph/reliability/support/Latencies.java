package io.newsgraph.reliability.support;

import java.util.Arrays;

/** Latency samples in microseconds with percentiles; thread-safe appends. */
public final class Latencies {
    private long[] samples = new long[1024];
    private int size;

    public synchronized void add(long micros) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = micros;
    }

    public synchronized int count() {
        return size;
    }

    /** The p-th percentile (0..100) in milliseconds; 0 when empty. */
    public synchronized double percentileMs(double p) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, index))] / 1000.0;
    }

    public synchronized double maxMs() {
        return percentileMs(100);
    }
}
