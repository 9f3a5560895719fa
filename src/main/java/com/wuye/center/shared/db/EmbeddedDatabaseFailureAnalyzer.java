package com.wuye.center.shared.db;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns {@link EmbeddedDatabaseException} into Spring Boot's plain "APPLICATION FAILED TO START".
 */
class EmbeddedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseException cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), null);
  }
}
