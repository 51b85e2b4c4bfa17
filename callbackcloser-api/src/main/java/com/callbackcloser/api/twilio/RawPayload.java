package com.callbackcloser.api.twilio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A webhook's parameters as the JSON object stored beside the call or message. */
public final class RawPayload {
    private final ObjectMapper mapper;

    public RawPayload(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String json(TwilioForm form) {
        try {
            return mapper.writeValueAsString(form.sorted());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }
}
