package dev.earshot.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each service's live heap, sampled during a run: {@code GC.run} (a full collection), then
 * {@code GC.heap_info}, in one {@code jcmd <pid> -f}, summing what the heap's generations use. A full GC a minute
 * costs the service a pause of a few tens of milliseconds; it is what makes the figure the live
 * set rather than garbage waiting for collection.
 */
final class HeapSampler {

    private static final Pattern USED = Pattern.compile("total \\d+K, used (\\d+)K");
    private static final Pattern MAX_HEAP = Pattern.compile("MaxHeapSize=(\\d+)");

    private final Map<String, List<HeapGrowth.Sample>> samples = new TreeMap<>();
    private final Map<String, Long> maxHeap = new TreeMap<>();

    /** Samples one service now; returns the live heap in bytes, or -1 when jcmd gave no answer. */
    synchronized long sample(String module, long pid, double minute) {
        String info = jcmd(pid, "GC.run", "GC.heap_info");
        long used = info == null ? -1 : usedBytes(info);
        if (used >= 0) {
            samples.computeIfAbsent(module, m -> new ArrayList<>()).add(new HeapGrowth.Sample(minute, used));
            maxHeap.computeIfAbsent(module, m -> maxHeapBytes(pid));
        }
        return used;
    }

    synchronized Map<String, HeapGrowth> growth(double fromMinute) {
        Map<String, HeapGrowth> out = new TreeMap<>();
        samples.forEach((module, list) -> out.put(module, HeapGrowth.of(list, fromMinute, maxHeap.get(module))));
        return out;
    }

    /** What the generations of a {@code GC.heap_info} answer use, in bytes; -1 when it names none. */
    static long usedBytes(String heapInfo) {
        long kib = 0;
        boolean found = false;
        for (String line : heapInfo.split("\n")) {
            if (line.contains("Metaspace") || line.contains("class space")) {
                continue;
            }
            Matcher m = USED.matcher(line);
            if (m.find()) {
                kib += Long.parseLong(m.group(1));
                found = true;
            }
        }
        return found ? kib * 1024 : -1;
    }

    private static long maxHeapBytes(long pid) {
        String flags = jcmd(pid, "VM.flags");
        Matcher m = MAX_HEAP.matcher(flags == null ? "" : flags);
        return m.find() ? Long.parseLong(m.group(1)) : Runtime.getRuntime().maxMemory();
    }

    /** Runs the commands in one jcmd (a JVM start costs seconds on a loaded machine); null when it failed. */
    private static String jcmd(long pid, String... commands) {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Path file = null;
        try {
            file = Files.createTempFile("earshot-jcmd-", ".txt");
            Files.writeString(file, String.join("\n", commands) + "\n");
            Process p = new ProcessBuilder(jcmd, String.valueOf(pid), "-f", file.toString()).redirectErrorStream(true)
                    .start();
            // jcmd writes little and exits; reading to the end is waiting for it.
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }
}
