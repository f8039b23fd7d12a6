package io.sluice.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches this JVM's heap: the peak used (the heap just before each collection, and a 100 ms
 * sample between them), the largest heap left after any collection, and the live heap measured by
 * a full collection every {@value #LIVE_PROBE_SECONDS} s. After a young collection G1 still holds
 * old garbage up to its marking threshold, so only the full collections show what is really live.
 */
public final class HeapMonitor implements AutoCloseable {

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final AtomicLong peakLive = new AtomicLong();
    private final AtomicLong idleLive = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final AtomicLong pauseMillis = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onNotification;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "heap-sampler");
        t.setDaemon(true);
        return t;
    });

    // Often enough to catch the live set of a short run, rarely enough to cost a long one about 1%.
    private static final int LIVE_PROBE_SECONDS = 10;

    private HeapMonitor() {
    }

    /** Starts watching. */
    public static HeapMonitor start() {
        HeapMonitor m = new HeapMonitor();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(m.listener, null, null);
                m.emitters.add(emitter);
            }
        }
        m.sampler.scheduleAtFixedRate(() -> m.peakUsed.accumulateAndGet(
            ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max),
            0, 100, TimeUnit.MILLISECONDS);
        m.sampler.scheduleAtFixedRate(() -> m.peakLive.accumulateAndGet(liveHeap(), Math::max),
            LIVE_PROBE_SECONDS, LIVE_PROBE_SECONDS, TimeUnit.SECONDS);
        return m;
    }

    /** Records the live heap now as the idle baseline, before the measured work starts. */
    public void markIdle() {
        idleLive.set(liveHeap());
    }

    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private void onNotification(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
            GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        peakUsed.accumulateAndGet(heapSum(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
        peakAfterGc.accumulateAndGet(heapSum(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
        collections.incrementAndGet();
        pauseMillis.addAndGet(info.getGcInfo().getDuration());
    }

    private long heapSum(Map<String, MemoryUsage> usage) {
        return usage.entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
            .mapToLong(e -> e.getValue().getUsed()).sum();
    }

    /** The largest heap use seen, in bytes. */
    public long peakUsed() {
        return peakUsed.get();
    }

    /** The largest heap use right after a collection, in bytes. */
    public long peakAfterGc() {
        return peakAfterGc.get();
    }

    /** A few lines for the console: the limit, the peaks and the collections. */
    public String report() {
        double mb = 1024 * 1024;
        return String.format(Locale.ROOT,
            "max heap (-Xmx): %.0f MB%n"
                + "peak heap used: %.0f MB%n"
                + "live heap, idle cluster before the run: %.0f MB%n"
                + "live heap, largest during the run (full GC every %d s): %.0f MB%n"
                + "largest heap after any collection: %.0f MB%n"
                + "collections: %d, %.1f s in total%n",
            Runtime.getRuntime().maxMemory() / mb, peakUsed() / mb, idleLive.get() / mb, LIVE_PROBE_SECONDS,
            peakLive.get() / mb, peakAfterGc() / mb, collections.get(), pauseMillis.get() / 1000.0);
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // already gone: nothing to undo
            }
        }
    }
}
