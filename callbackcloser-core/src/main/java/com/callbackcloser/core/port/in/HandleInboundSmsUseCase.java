package com.callbackcloser.core.port.in;

public interface HandleInboundSmsUseCase {
    InboundSmsResult onInboundSms(InboundSms sms);
}
