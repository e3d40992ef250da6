package vn.hanoi.searchnode;

import org.opensearch.common.xcontent.XContentType;
import org.opensearch.core.xcontent.MediaType;
import org.opensearch.core.xcontent.spi.MediaTypeProvider;

import java.util.List;
import java.util.Map;

/**
 * The Python elasticsearch 8.x client sends
 *   Accept/Content-Type: application/vnd.elasticsearch+json; compatible-with=8
 * and, for _bulk/_msearch, application/vnd.elasticsearch+x-ndjson; compatible-with=8.
 * OpenSearch does not know these types and answers 406. This maps them onto the existing
 * XContentType instances (the "compatible-with" parameter is parsed and ignored). It must be the
 * very same XContentType.JSON instance: RestController only streams _bulk bodies whose type is
 * JSON or SMILE by identity.
 *
 * Discovered by MediaTypeRegistry's static initialiser through java.util.ServiceLoader:
 * META-INF/services/org.opensearch.core.xcontent.spi.MediaTypeProvider. Not a Plugin; it works
 * because this jar is on the application classpath.
 */
public class ElasticMediaTypes implements MediaTypeProvider {

    @Override
    public List<MediaType> getMediaTypes() {
        return List.of(); // no new formats, only aliases
    }

    @Override
    public Map<String, MediaType> getAdditionalMediaTypes() {
        return Map.of(
            "application/vnd.elasticsearch+json", XContentType.JSON,
            "application/vnd.elasticsearch+x-ndjson", XContentType.JSON,
            "application/vnd.elasticsearch+smile", XContentType.SMILE,
            "application/vnd.elasticsearch+yaml", XContentType.YAML,
            "application/vnd.elasticsearch+cbor", XContentType.CBOR);
    }
}
