package io.podflow.jobmanager.rest;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import io.netty.util.ReferenceCountUtil;
import io.podflow.common.config.RestOptions;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Streams the body of {@code POST <path>} to disk as it arrives instead of collecting it in memory, so a jar near
 * {@code rest.server.max-content-length} costs no more heap than a small one. The file part named {@code field}
 * lands in the upload directory; the request then goes on as a bodiless {@link FileUploadRequest}. A body over
 * the limit is a 413 and a malformed one a 400; the rest of such a body is read and dropped so the connection
 * stays usable.
 */
final class JarUploadReceiver extends ChannelInboundHandlerAdapter {

    private final String path;
    private final String field;
    private final UploadedJars jars;
    private final long maxContentLength;
    private HttpRequest head;
    private HttpPostRequestDecoder decoder;
    private long received;
    private boolean droppingBody;

    JarUploadReceiver(String path, String field, UploadedJars jars, long maxContentLength) {
        this.path = path;
        this.field = field;
        this.jars = jars;
        this.maxContentLength = maxContentLength;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) throws IOException {
        if (message instanceof HttpRequest request && isUpload(request)) {
            begin(ctx, request);
        } else if (message instanceof HttpContent content && (decoder != null || droppingBody)) {
            try {
                receive(ctx, content);
            } finally {
                content.release();
            }
            return;
        }
        if (head == null && !droppingBody) {
            ctx.fireChannelRead(message);
        } else {
            ReferenceCountUtil.release(message);
        }
    }

    private boolean isUpload(HttpRequest request) {
        return request.method().equals(HttpMethod.POST) && new QueryStringDecoder(request.uri()).path().equals(path);
    }

    private void begin(ChannelHandlerContext ctx, HttpRequest request) {
        head = request;
        received = 0;
        if (HttpUtil.getContentLength(request, -1L) > maxContentLength) {
            refuse(ctx, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, tooLarge());
            return;
        }
        if (!HttpPostRequestDecoder.isMultipart(request)) {
            refuse(ctx, HttpResponseStatus.BAD_REQUEST, "Upload a jar as multipart/form-data with the file in field '"
                    + field + "'");
            return;
        }
        DefaultHttpDataFactory disk = new DefaultHttpDataFactory(true);
        disk.setBaseDir(jars.directory().toString());
        disk.setDeleteOnExit(false);
        try {
            decoder = new HttpPostRequestDecoder(disk, request);
        } catch (HttpPostRequestDecoder.ErrorDataDecoderException e) {
            refuse(ctx, HttpResponseStatus.BAD_REQUEST, "Malformed multipart upload: " + e.getMessage());
            return;
        }
        if (HttpUtil.is100ContinueExpected(request)) {
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        }
    }

    private void receive(ChannelHandlerContext ctx, HttpContent content) throws IOException {
        boolean last = content instanceof LastHttpContent;
        if (decoder != null) {
            received += content.content().readableBytes();
            if (received > maxContentLength) {
                refuse(ctx, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, tooLarge());
            } else {
                offer(ctx, content);
            }
        }
        if (last) {
            if (decoder != null) {
                finish(ctx);
            }
            droppingBody = false;
            head = null;
        }
    }

    private void offer(ChannelHandlerContext ctx, HttpContent content) {
        try {
            decoder.offer(content);
        } catch (HttpPostRequestDecoder.ErrorDataDecoderException e) {
            refuse(ctx, HttpResponseStatus.BAD_REQUEST, "Malformed multipart upload: " + e.getMessage());
        }
    }

    private void finish(ChannelHandlerContext ctx) throws IOException {
        try {
            InterfaceHttpData data = decoder.getBodyHttpData(field);
            if (data instanceof FileUpload upload) {
                Path incoming = jars.incomingFile();
                upload.renameTo(incoming.toFile());
                ctx.fireChannelRead(new FileUploadRequest(head, incoming, upload.getFilename()));
            } else {
                ctx.fireChannelRead(new FileUploadRequest(head, null, null));
            }
        } catch (HttpPostRequestDecoder.NotEnoughDataDecoderException e) {
            refuse(ctx, HttpResponseStatus.BAD_REQUEST, "The multipart upload ends before its last part");
        } finally {
            closeDecoder();
        }
    }

    private void refuse(ChannelHandlerContext ctx, HttpResponseStatus status, String reason) {
        closeDecoder();
        droppingBody = true;
        JsonResponses.sendError(ctx, status, reason, JsonResponses.canContinueAfterRefusing(head));
    }

    private String tooLarge() {
        return "The upload is larger than " + maxContentLength + " bytes, the limit set by "
                + RestOptions.MAX_CONTENT_LENGTH.key();
    }

    private void closeDecoder() {
        if (decoder != null) {
            decoder.destroy();
            decoder = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        closeDecoder();
        super.channelInactive(ctx);
    }
}
