package io.vigil.server;

/**
 * The server was asked to listen on a non-loopback address without an API key: anyone on the network could fit,
 * overwrite and delete models. Set VIGIL_API_KEY, bind to 127.0.0.1, or pass --insecure to accept the risk.
 */
public class InsecureBindingException extends IllegalStateException {
    public InsecureBindingException(String host) {
        super("refusing to listen on " + host + " without an API key: anyone who can reach it could fit, "
                + "overwrite and delete models; set VIGIL_API_KEY, listen on 127.0.0.1, or pass --insecure");
    }
}
