package io.hearken.intake.web.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The GeoReport XML: nulls as empty elements, text escaped, control characters dropped. */
class Open311XmlTest {

    @Test
    void rowsBecomeElementsWithEscapedText() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("service_request_id", "HK-7K2M-9QXD");
        row.put("description", "a <b> & \"c\"\u0007");
        row.put("address", null);
        assertThat(Open311Xml.list("service_requests", "request", List.of(row))).isEqualTo(
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<service_requests><request>"
                        + "<service_request_id>HK-7K2M-9QXD</service_request_id>"
                        + "<description>a &lt;b&gt; &amp; &quot;c&quot;</description><address/>"
                        + "</request></service_requests>\n");
    }
}
