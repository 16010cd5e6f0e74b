package io.rackscope.desktop.prometheus;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Counts answer bytes as they come off the network, before OkHttp's transparent gzip decoding: the
 * bytes on the wire, beside the decoded bytes the parser counts.
 */
final class WireCounter implements Interceptor {
    private final QueryStats stats;

    WireCounter(QueryStats stats) {
        this.stats = stats;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        ResponseBody body = response.body();
        BufferedSource counted =
                Okio.buffer(
                        new ForwardingSource(body.source()) {
                            @Override
                            public long read(Buffer sink, long byteCount) throws IOException {
                                long n = super.read(sink, byteCount);
                                if (n > 0) {
                                    stats.wire(n);
                                }
                                return n;
                            }
                        });
        return response.newBuilder()
                .body(ResponseBody.create(counted, body.contentType(), body.contentLength()))
                .build();
    }
}
