package io.hearken.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A JFR recording of the all-in-one over one step, started and dumped with {@code jcmd}: where its CPU goes. */
final class Recording {

    private final long pid;
    private final Path file;

    private Recording(long pid, Path file) {
        this.pid = pid;
        this.file = file;
    }

    static Recording start(long pid, Path dir, String label) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path file = dir.resolve(label.replaceAll("[^A-Za-z0-9]+", "-") + ".jfr").toAbsolutePath();
        jcmd(pid, "JFR.start", "name=bench", "settings=profile");
        return new Recording(pid, file);
    }

    /** {@code work}, recorded when {@code --jfr} was given (the file is named after {@code label}). */
    static <T> T around(Settings settings, long pid, String label, java.util.concurrent.Callable<T> work) throws Exception {
        Recording jfr = settings.jfr() ? start(pid, settings.out().toAbsolutePath().getParent().resolve("jfr"), label) : null;
        T result = work.call();
        if (jfr != null) {
            System.out.println("JFR: " + jfr.stop());
        }
        return result;
    }

    Path stop() throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=bench", "filename=" + file);
        return file;
    }

    private static void jcmd(long pid, String... args) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> command = new java.util.ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            System.out.println("warning: jcmd " + String.join(" ", args) + ": " + out.strip());
        }
    }
}
