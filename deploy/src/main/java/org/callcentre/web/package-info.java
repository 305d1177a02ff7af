/**
 * What every API answer has in common: errors as RFC 9457 problem details, one shape for all
 * modules' endpoints ({@link org.callcentre.web.ApiProblems}).
 */
package org.callcentre.web;
