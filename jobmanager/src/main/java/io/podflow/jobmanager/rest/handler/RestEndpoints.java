package io.podflow.jobmanager.rest.handler;

import io.podflow.common.config.Configuration;
import io.podflow.common.config.CoreOptions;
import io.podflow.jobmanager.blob.BlobStore;
import io.podflow.jobmanager.program.ProgramRunner;
import io.podflow.jobmanager.rest.RestServer;
import io.podflow.jobmanager.rest.Router;
import io.podflow.jobmanager.rest.UploadedJars;
import io.podflow.protocol.DispatcherGateway;
import io.podflow.protocol.ResourceManagerGateway;

import java.time.Clock;

import static io.netty.handler.codec.http.HttpMethod.DELETE;
import static io.netty.handler.codec.http.HttpMethod.GET;
import static io.netty.handler.codec.http.HttpMethod.PATCH;
import static io.netty.handler.codec.http.HttpMethod.POST;

/** The JobManager's REST API: every route and the handler that answers it. */
public final class RestEndpoints {

    private RestEndpoints() {
    }

    public static Router router(Configuration config, DispatcherGateway dispatcher,
            ResourceManagerGateway resourceManager, UploadedJars jars, BlobStore blobs) {
        Clock clock = Clock.systemUTC();
        return new Router()
                .add(GET, "/overview", new ClusterOverviewHandler(dispatcher, resourceManager))
                .add(GET, "/config", new DashboardConfigHandler())
                .add(GET, "/jobs", new JobIdsHandler(dispatcher))
                .add(POST, "/jobs", new JobSubmitHandler(dispatcher, jars, blobs))
                .add(GET, "/jobs/overview", new JobsOverviewHandler(dispatcher, clock))
                .add(GET, "/jobs/{" + JobIdParameter.JOB_ID + "}", new JobDetailsHandler(dispatcher, clock))
                .add(PATCH, "/jobs/{" + JobIdParameter.JOB_ID + "}", new JobCancelHandler(dispatcher))
                .add(GET, "/jobs/{" + JobIdParameter.JOB_ID + "}/exceptions", new JobExceptionsHandler(dispatcher))
                .add(GET, "/jobs/{" + JobIdParameter.JOB_ID + "}/vertices/{" + JobVertexBackPressureHandler.VERTEX_ID
                        + "}/backpressure", new JobVertexBackPressureHandler(dispatcher))
                .add(POST, RestServer.UPLOAD_PATH, new JarUploadHandler(jars))
                .add(GET, "/jars", new JarListHandler(jars))
                .add(POST, "/jars/{" + JarRunHandler.JAR_ID + "}/run", new JarRunHandler(jars,
                        new ProgramRunner(dispatcher, blobs), config.get(CoreOptions.DEFAULT_PARALLELISM)))
                .add(DELETE, "/jars/{" + JarRunHandler.JAR_ID + "}", new JarDeleteHandler(jars))
                .add(GET, "/taskmanagers", new TaskManagersHandler(resourceManager))
                .add(GET, "/taskmanagers/{" + TaskManagerDetailsHandler.TASK_MANAGER_ID + "}",
                        new TaskManagerDetailsHandler(resourceManager))
                .add(GET, "/jobmanager/config", new JobManagerConfigHandler(config));
    }
}
