package io.hearken.embedded.mail;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHandler;
import com.icegreen.greenmail.imap.IndexedImapSession;
import com.icegreen.greenmail.imap.ImapRequestHandler;
import com.icegreen.greenmail.imap.ImapResponse;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.BuildInfo;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * GreenMail's IMAP server with sessions that find a message's sequence number without a pass over the folder
 * ({@link IndexedImapSession}, {@link ForwardingFolder#getMsn}): GreenMail's FETCH, STORE, COPY and MOVE ask it for every message of the folder, each
 * answer a scan, so moving the email intake's mails out of a full inbox cost the square of its size. The rest is
 * GreenMail's: its request handler, commands and responses.
 */
final class IndexedImapServer extends AbstractServer {

    IndexedImapServer(ServerSetup setup, Managers managers) {
        super(setup, managers);
    }

    @Override
    protected ProtocolHandler createProtocolHandler(Socket clientSocket) {
        return new Handler(managers, clientSocket);
    }

    /** As GreenMail's {@link ImapHandler}, with our session. */
    private static final class Handler extends ImapHandler {

        private final ImapRequestHandler requests = new ImapRequestHandler();
        private final Managers managers;
        private volatile ImapResponse response;

        Handler(Managers managers, Socket socket) {
            super(managers.getUserManager(), managers.getImapHostManager(), socket);
            this.managers = managers;
        }

        @Override
        public void run() {
            try (InputStream in = new BufferedInputStream(socket.getInputStream(), 512);
                    OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1024)) {
                response = new ImapResponse(out);
                response.okResponse(null, VERSION + " Server GreenMail v" + BuildInfo.INSTANCE.getProjectVersion() + " ready");
                IndexedImapSession session = new IndexedImapSession(managers.getImapHostManager(), managers.getUserManager(), this,
                        socket.getInetAddress().getHostAddress());
                while (!isQuitting() && requests.handleRequest(in, out, session)) {
                    // next request
                }
            } catch (Exception e) {
                if (!isQuitting()) {
                    throw new IllegalStateException("Can not handle IMAP connection", e);
                }
            } finally {
                close();
            }
        }

        @Override
        public void forceConnectionClose(String message) {
            ImapResponse current = response;
            if (current != null) {
                current.byeResponse(message);
            }
            close();
        }

        @Override
        public void close() {
            super.close();
            response = null;
        }
    }
}
