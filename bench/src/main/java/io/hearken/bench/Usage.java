package io.hearken.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * A snapshot of what the processes have used so far: CPU ms of the all-in-one's JVM, Elasticsearch's node and its
 * launcher, and this harness; GC ms of the two JVMs; CPU ms per thread group of the all-in-one. Two snapshots'
 * difference is what one step cost.
 */
record Usage(long wallMs, long appCpu, long esCpu, long esLauncherCpu, long benchCpu, long appGc, long esGc,
        Map<String, Long> appThreads) {

    static Usage of(AllInOne app, Elasticsearch elasticsearch) {
        long es = app.elasticsearchPid();
        long launcher = 0;
        for (long pid : app.pids()) {
            if (pid != app.pid() && pid != es) {
                launcher += Machine.cpuMs(pid);
            }
        }
        return new Usage(System.currentTimeMillis(), Machine.cpuMs(app.pid()), es == 0 ? 0 : Machine.cpuMs(es),
                launcher, Machine.cpuMs(ProcessHandle.current().pid()), Machine.gcMs(app.pid()),
                elasticsearch.gcMs(), Machine.cpuMsByThreadGroup(app.pid()));
    }

    Usage minus(Usage before) {
        Map<String, Long> threads = new HashMap<>(appThreads);
        before.appThreads.forEach((k, v) -> threads.merge(k, -v, Long::sum));
        return new Usage(wallMs - before.wallMs, appCpu - before.appCpu, esCpu - before.esCpu,
                esLauncherCpu - before.esLauncherCpu, benchCpu - before.benchCpu, appGc - before.appGc,
                esGc - before.esGc, threads);
    }
}
