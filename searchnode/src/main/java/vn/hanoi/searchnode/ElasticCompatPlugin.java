package vn.hanoi.searchnode;

import org.opensearch.common.io.stream.BytesStreamOutput;
import org.opensearch.common.util.concurrent.ThreadContext;
import org.opensearch.core.xcontent.MediaType;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.plugins.ActionPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.rest.RestChannel;
import org.opensearch.rest.RestHandler;
import org.opensearch.rest.RestRequest;
import org.opensearch.rest.RestResponse;
import org.opensearch.client.node.NodeClient;

import java.io.IOException;
import java.util.function.UnaryOperator;

/**
 * The official Python elasticsearch 8.x client raises UnsupportedProductError on any 2xx response
 * without "X-Elastic-Product: Elasticsearch" (it checks only this header, not the version number).
 * This plugin wraps every REST handler so that every response it sends carries that header.
 *
 * The other half of the compatibility, the client's vendor media types
 * ("application/vnd.elasticsearch+json; compatible-with=8"), is {@link ElasticMediaTypes}.
 *
 * OpenSearch allows only one plugin to supply a REST handler wrapper (the security plugin is another
 * one), so this plugin must not be combined with it.
 */
public class ElasticCompatPlugin extends Plugin implements ActionPlugin {

    static final String PRODUCT_HEADER = "X-Elastic-Product";
    static final String PRODUCT = "Elasticsearch";

    @Override
    public UnaryOperator<RestHandler> getRestHandlerWrapper(ThreadContext threadContext) {
        // RestHandler.Wrapper delegates everything (supportsContentStream for _bulk, routes, ...).
        return handler -> new RestHandler.Wrapper(handler) {
            @Override
            public void handleRequest(RestRequest request, RestChannel channel, NodeClient client) throws Exception {
                super.handleRequest(request, new ProductHeaderChannel(channel), client);
            }
        };
    }

    /** Delegating RestChannel that stamps the product header on the way out. */
    static final class ProductHeaderChannel implements RestChannel {
        private final RestChannel delegate;

        ProductHeaderChannel(RestChannel delegate) {
            this.delegate = delegate;
        }

        @Override
        public void sendResponse(RestResponse response) {
            response.addHeader(PRODUCT_HEADER, PRODUCT);
            delegate.sendResponse(response);
        }

        @Override
        public XContentBuilder newBuilder() throws IOException {
            return delegate.newBuilder();
        }

        @Override
        public XContentBuilder newErrorBuilder() throws IOException {
            return delegate.newErrorBuilder();
        }

        @Override
        public XContentBuilder newBuilder(MediaType mediaType, boolean useFiltering) throws IOException {
            return delegate.newBuilder(mediaType, useFiltering);
        }

        @Override
        public XContentBuilder newBuilder(MediaType requestContentType, MediaType responseContentType, boolean useFiltering)
            throws IOException {
            return delegate.newBuilder(requestContentType, responseContentType, useFiltering);
        }

        @Override
        public BytesStreamOutput bytesOutput() {
            return delegate.bytesOutput();
        }

        @Override
        public RestRequest request() {
            return delegate.request();
        }

        @Override
        public boolean detailedErrorsEnabled() {
            return delegate.detailedErrorsEnabled();
        }
    }
}
