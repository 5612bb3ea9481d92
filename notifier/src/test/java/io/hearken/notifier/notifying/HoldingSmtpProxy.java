package io.hearken.notifier.notifying;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy in front of the real SMTP server that holds the server's answer to each mail (the reply after the
 * client's end of data, {@code CRLF.CRLF}) until {@code together} mails are held at once, or {@code limit} has
 * passed: a slow server, and a count of how many mails a client really had in flight at the same time.
 */
final class HoldingSmtpProxy implements AutoCloseable {

    private static final byte[] END_OF_DATA = {'\r', '\n', '.', '\r', '\n'};

    private final ServerSocket server;
    private final String host;
    private final int port;
    private final int together;
    private final long limitNanos;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "holding-smtp-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Object gate = new Object();
    private int held;
    private int mostHeld;
    private long opened; // bumped each time {@code together} mails are held: they all go on

    HoldingSmtpProxy(String host, int port, int together, Duration limit) throws IOException {
        this.host = host;
        this.port = port;
        this.together = together;
        this.limitNanos = limit.toNanos();
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** The most mails whose answers were held at the same moment. */
    int mostHeldAtOnce() {
        synchronized (gate) {
            return mostHeld;
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(host, port);
                boolean[] mailSent = {false};
                threads.submit(() -> pump(client, upstream, mailSent, true));
                threads.submit(() -> pump(upstream, client, mailSent, false));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Copies one direction; client to server notes a mail's end, server to client holds the answer to it. */
    private void pump(Socket from, Socket to, boolean[] mailSent, boolean fromClient) {
        byte[] buffer = new byte[8192];
        byte[] last = new byte[END_OF_DATA.length];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (fromClient) {
                    for (int i = 0; i < n; i++) {
                        System.arraycopy(last, 1, last, 0, last.length - 1);
                        last[last.length - 1] = buffer[i];
                        if (java.util.Arrays.equals(last, END_OF_DATA)) {
                            synchronized (mailSent) {
                                mailSent[0] = true; // before the server can answer it
                            }
                        }
                    }
                } else {
                    boolean answer;
                    synchronized (mailSent) {
                        answer = mailSent[0];
                        mailSent[0] = false;
                    }
                    if (answer) {
                        hold();
                    }
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            close(from);
            close(to);
        }
    }

    private void hold() {
        synchronized (gate) {
            held++;
            mostHeld = Math.max(mostHeld, held);
            long generation = opened;
            if (held >= together) {
                opened++;
                gate.notifyAll();
            }
            long deadline = System.nanoTime() + limitNanos;
            try {
                while (opened == generation && System.nanoTime() < deadline) {
                    gate.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                held--;
            }
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
