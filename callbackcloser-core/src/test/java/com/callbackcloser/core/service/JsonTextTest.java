package com.callbackcloser.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void writesNestedObjectsInOrderAndEscapesWhatJsonRequires() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("body", "say \"hi\"\\\n\t\u0001\u2028 ☃ 👍");
        inner.put("none", null);
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("n", 3);
        outer.put("ok", true);
        outer.put("inner", inner);

        assertThat(JsonText.object(outer))
                .isEqualTo("{\"n\":3,\"ok\":true,\"inner\":{\"body\":\"say \\\"hi\\\"\\\\\\n\\t\\u0001\\u2028 ☃ 👍\","
                        + "\"none\":null}}");
    }
}
