package org.nomadagent.telemetry;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.micrometer.core.instrument.DistributionSummary;

/**
 * Nomad's runtime metrics (go-metrics' {@code emitRuntimeStats}, every second) from the JVM's
 * counterparts: live threads for goroutines, used heap for {@code alloc_bytes}, committed heap and
 * non-heap memory for {@code sys_bytes}, and the stop-the-world collections of the garbage
 * collectors for the GC counts and pauses, each pause also a {@code gc_pause_ns} sample. Go's
 * allocation counters ({@code malloc_count}, {@code free_count}, {@code heap_objects}) have no
 * JVM counterpart and are not sent; {@code docs/telemetry.md} says why.
 */
final class RuntimeMetrics implements AutoCloseable {

	private static final long NANOS_PER_MILLI = 1_000_000L;

	private final List<GarbageCollectorMXBean> pauseCollectors = new ArrayList<>();

	private final List<NotificationEmitter> emitters = new ArrayList<>();

	private final NotificationListener pauseListener;

	RuntimeMetrics(NomadMetrics metrics) {
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			if (stopsTheWorld(collector.getName())) {
				this.pauseCollectors.add(collector);
			}
		}
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		metrics.gauge(threads, ThreadMXBean::getThreadCount, "runtime", "num_goroutines");
		metrics.gauge(memory, (bean) -> bean.getHeapMemoryUsage().getUsed(), "runtime", "alloc_bytes");
		metrics.gauge(memory,
				(bean) -> bean.getHeapMemoryUsage().getCommitted() + bean.getNonHeapMemoryUsage().getCommitted(),
				"runtime", "sys_bytes");
		metrics.gauge(this, RuntimeMetrics::totalPauseNanos, "runtime", "total_gc_pause_ns");
		metrics.gauge(this, RuntimeMetrics::totalCollections, "runtime", "total_gc_runs");
		DistributionSummary pauses = metrics.sample("runtime", "gc_pause_ns");
		this.pauseListener = (notification, handback) -> recordPause(notification, pauses);
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			if (collector instanceof NotificationEmitter emitter) {
				emitter.addNotificationListener(this.pauseListener, null, null);
				this.emitters.add(emitter);
			}
		}
	}

	/**
	 * Returns whether a collector's collections stop the application, as Go's GC pauses do;
	 * the beans of concurrent work ({@code ZGC Cycles}, {@code Shenandoah Cycles},
	 * {@code G1 Concurrent GC}) do not.
	 */
	static boolean stopsTheWorld(String collectorName) {
		return !collectorName.contains("Cycles") && !collectorName.contains("Concurrent");
	}

	private double totalPauseNanos() {
		long millis = 0;
		for (GarbageCollectorMXBean collector : this.pauseCollectors) {
			millis += Math.max(collector.getCollectionTime(), 0);
		}
		return millis * (double) NANOS_PER_MILLI;
	}

	private double totalCollections() {
		long count = 0;
		for (GarbageCollectorMXBean collector : this.pauseCollectors) {
			count += Math.max(collector.getCollectionCount(), 0);
		}
		return count;
	}

	private static void recordPause(Notification notification, DistributionSummary pauses) {
		if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
			return;
		}
		GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
			.from((CompositeData) notification.getUserData());
		if (stopsTheWorld(info.getGcName())) {
			pauses.record(info.getGcInfo().getDuration() * (double) NANOS_PER_MILLI);
		}
	}

	@Override
	public void close() {
		for (NotificationEmitter emitter : this.emitters) {
			try {
				emitter.removeNotificationListener(this.pauseListener);
			}
			catch (ListenerNotFoundException ex) {
				// Already gone.
			}
		}
	}

}
