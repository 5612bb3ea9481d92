package io.hearken.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * The request threads are one fixed pool, started with the server (hearken-defaults.yml): a burst of requests in
 * flight at once is served by the threads already there, so none pays again for a new thread's first request (Tink's
 * random source looks for Conscrypt through every nested jar). Tomcat's own default keeps ten and makes a thread for
 * each request in flight over that, dropped again after a minute idle.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hearken.embedded.mode=test", "server.port=0", "hearken.web.attachments-dir=target/browser-attachments",
        "hearken.privacy.secret=browser-test-secret"}) // as ErrorPagesTest: the same context
class RequestThreadsTest {

    private static final int IN_FLIGHT = 40;

    @LocalServerPort
    int port;

    @Autowired
    WebServerApplicationContext context;

    @Test
    void aBurstOfRequestsInFlightIsServedByThePoolStartedWithTheServer() throws Exception {
        ThreadPoolExecutor pool = (ThreadPoolExecutor) connector().getProtocolHandler().getExecutor();
        assertThat(pool.getPoolSize()).as("threads started with the server").isEqualTo(100);
        Set<Long> before = requestThreads();
        assertThat(before).hasSizeGreaterThanOrEqualTo(100);

        // Each request holds its thread: a form PUT, whose body the first filter reads (FormContentFilter), sent only
        // in part, so reading it blocks the thread.
        List<Socket> held = new ArrayList<>();
        String body = "description=" + "x".repeat(40);
        try {
            for (int i = 0; i < IN_FLIGHT; i++) {
                Socket socket = new Socket("localhost", port);
                held.add(socket);
                socket.getOutputStream().write(("PUT /api/v1/complaints HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                        + "\r\n\r\n" + body.substring(0, 10)).getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
            long deadline = System.currentTimeMillis() + 10_000;
            while (pool.getActiveCount() < IN_FLIGHT && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertThat(pool.getActiveCount()).as("requests held in flight").isGreaterThanOrEqualTo(IN_FLIGHT);
            assertThat(pool.getPoolSize()).isEqualTo(100);
            assertThat(requestThreads()).as("the same threads, none made for the burst").isEqualTo(before);
        } finally {
            for (Socket socket : held) {
                OutputStream out = socket.getOutputStream();
                out.write(body.substring(10).getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            for (Socket socket : held) {
                socket.setSoTimeout(10_000);
                assertThat(new String(socket.getInputStream().readNBytes(9), StandardCharsets.US_ASCII))
                        .isEqualTo("HTTP/1.1 ");
                socket.close();
            }
        }
    }

    /** Every server's request threads in this JVM (other tests' servers too: idle, they do not change). */
    private static Set<Long> requestThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().matches("http-nio-.*-exec-\\d+"))
                .map(Thread::getId).collect(Collectors.toSet());
    }

    private Connector connector() {
        return ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
    }
}
