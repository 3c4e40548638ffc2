package io.podflow.common.config;

/** The JobManager's REST endpoint: where it listens, how large a request may be, and how callers authenticate. */
public final class RestOptions {

    /** How REST callers prove they may control the cluster. */
    public enum Authentication {
        /** Every request carries {@code Authorization: Bearer <rest.authentication.token>}. */
        TOKEN,
        /** Anyone who reaches the port may control the cluster; must be chosen explicitly. */
        NONE
    }

    public static final ConfigOption<Integer> PORT = ConfigOptions.key("rest.port")
            .intType()
            .defaultValue(8081)
            .withValidator(OptionRule.port())
            .withDescription("Port of the REST server (job submission, listing, cancelling); 0 picks a free port.");

    public static final ConfigOption<String> ADDRESS = ConfigOptions.key("rest.address")
            .stringType()
            .noDefaultValue()
            .withDescription("Host name or IP at which clients reach the REST server; unset falls back to "
                    + "jobmanager.rpc.address.");

    public static final ConfigOption<String> BIND_ADDRESS = ConfigOptions.key("rest.bind-address")
            .stringType()
            .defaultValue("0.0.0.0")
            .withDescription("Address the REST server binds to.");

    public static final ConfigOption<MemorySize> MAX_CONTENT_LENGTH = ConfigOptions
            .key("rest.server.max-content-length")
            .memoryType()
            .defaultValue(MemorySize.ofMebiBytes(100))
            .withDescription("Largest request body the REST server accepts, such as an uploaded jar; larger "
                    + "requests are answered with 413.");

    public static final ConfigOption<Authentication> AUTHENTICATION = ConfigOptions.key("rest.authentication")
            .enumType(Authentication.class)
            .defaultValue(Authentication.TOKEN)
            .withDescription("TOKEN requires 'Authorization: Bearer <rest.authentication.token>' on every REST "
                    + "request; NONE leaves the REST API open to anyone who can reach it.");

    public static final ConfigOption<String> AUTHENTICATION_TOKEN = ConfigOptions.key("rest.authentication.token")
            .stringType()
            .noDefaultValue()
            .withDescription("The bearer token REST callers must send when rest.authentication is TOKEN; the "
                    + "deployer fills it from the cluster Secret. A JobManager also takes it from the environment "
                    + "variable PODFLOW_REST_AUTHENTICATION_TOKEN, which -D overrides.");

    public static final ConfigOption<String> UPLOAD_DIRECTORY = ConfigOptions.key("web.upload.dir")
            .stringType()
            .noDefaultValue()
            .withDescription("Directory under which jars uploaded through POST /jars/upload are kept, in a fresh "
                    + "sub-directory; unset uses the system temporary directory.");

    private RestOptions() {
    }
}
