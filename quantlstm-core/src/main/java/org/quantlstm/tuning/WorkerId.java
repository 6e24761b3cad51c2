package org.quantlstm.tuning;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;

/**
 * Who runs a trial: host name, process id and the process start time (epoch ms, 0 when the OS does not
 * tell). Stored with every RUNNING trial so that another process can tell whether its owner died.
 */
public record WorkerId(String host, long pid, long processStartMs) {
    public WorkerId {
        Objects.requireNonNull(host, "host");
    }

    /** The current JVM process. */
    public static WorkerId current() {
        ProcessHandle self = ProcessHandle.current();
        long start = self.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
        return new WorkerId(hostName(), self.pid(), start);
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

    /**
     * True when this worker is certainly gone, judged from {@code observer}'s host: on the same host, its
     * process id no longer exists or now belongs to a process started at another time (pid reuse). A
     * worker on another host is never judged here (see the heartbeat rule in {@link Study}).
     */
    public boolean deadSeenFrom(WorkerId observer) {
        if (!host.equals(observer.host)) {
            return false;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return true;
        }
        long start = handle.get().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
        return processStartMs != 0 && start != 0 && Math.abs(start - processStartMs) > 1000;
    }
}
