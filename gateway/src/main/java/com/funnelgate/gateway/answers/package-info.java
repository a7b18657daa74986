/**
 * Whole GraphQL answers of report operations, cached per API key and request and replayed without
 * executing, for as long as they are true: {@link com.funnelgate.gateway.answers.AnswerCacheInterceptor}
 * in front of execution, {@link com.funnelgate.gateway.report.ReportFacts} from the report fields telling
 * it whether an answer may be replayed and until when.
 */
package com.funnelgate.gateway.answers;
