/**
 * What every data source of a report is: a {@link com.funnelgate.gateway.source.Source} answering a query
 * under the request's {@link com.funnelgate.gateway.source.Deadline} with a
 * {@link com.funnelgate.gateway.source.Sourced} value that holds its data and its
 * {@link com.funnelgate.gateway.source.Outcome}. The bottom of the request path: it knows no feature
 * package but the error vocabulary.
 */
package com.funnelgate.gateway.source;
