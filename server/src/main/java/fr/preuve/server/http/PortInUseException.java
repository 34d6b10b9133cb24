package fr.preuve.server.http;

/** The HTTP port is taken by another process. */
public final class PortInUseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PortInUseException(int port, Throwable cause) {
        super("port " + port + " is already in use: stop the process using it, or choose another port with "
                + "--port or PREUVE_PORT", cause);
    }
}
