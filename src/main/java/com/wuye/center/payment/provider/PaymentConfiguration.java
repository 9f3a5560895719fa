package com.wuye.center.payment.provider;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code wuye.payment.*}. */
@Configuration
@EnableConfigurationProperties(PaymentProperties.class)
class PaymentConfiguration {}
