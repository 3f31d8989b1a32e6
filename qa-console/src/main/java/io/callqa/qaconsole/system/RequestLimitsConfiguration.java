package io.callqa.qaconsole.system;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Limits on what a request may carry, so bad input is a 4xx and never a 500: JSON bodies of at most 1 MB (uploads
 * keep their own multipart limit), instants between 1970 and 9999, and Tomcat's own refusals as problem+json.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class RequestLimitsConfiguration implements WebMvcConfigurer {

	/** The earliest instant a request may name: nothing we store is older. */
	static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

	/** The latest: four-digit years, which PostgreSQL and epoch milliseconds both hold. */
	static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimit() {
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestBodyLimitFilter(DataSize.ofMegabytes(1).toBytes()));
		// Before Spring Security's filters, so nobody's oversized body is read, logged in or not.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/** Replaces Tomcat's HTML error page (which Spring Boot adds to the host) with problem+json. */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
		return new ProblemErrorReports();
	}

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addFormatterForFieldType(Instant.class, new BoundedInstantFormatter());
	}

	/** Runs after Spring Boot's customizer, so its valve is there to be replaced. */
	static final class ProblemErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers((context) -> {
				Container host = context.getParent();
				for (Valve valve : host.getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve) {
						host.getPipeline().removeValve(valve);
					}
				}
				host.getPipeline().addValve(new ProblemErrorReportValve());
				if (host instanceof StandardHost standard) {
					standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
				}
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

	/** ISO-8601 instants in [1970, 9999]: further ones overflow epoch milliseconds or PostgreSQL's timestamps. */
	static final class BoundedInstantFormatter implements Formatter<Instant> {

		@Override
		public Instant parse(String text, Locale locale) {
			Instant instant;
			try {
				instant = Instant.parse(text.strip());
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("not an ISO-8601 instant such as 2026-01-31T09:00:00Z", ex);
			}
			if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
				throw new IllegalArgumentException("out of range: instants go from " + EARLIEST + " to 9999-12-31");
			}
			return instant;
		}

		@Override
		public String print(Instant instant, Locale locale) {
			return instant.toString();
		}

	}

}
