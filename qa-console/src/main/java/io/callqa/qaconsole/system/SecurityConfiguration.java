package io.callqa.qaconsole.system;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import io.callqa.qaconsole.users.StaleSessionFilter;
import io.callqa.qaconsole.users.Users;

/**
 * Who may do what. Everything but health and the login page needs a login: a form for the web console, HTTP basic
 * with the same users for API clients. CSRF is on for cookie sessions (the pages send the token from the
 * {@code XSRF-TOKEN} cookie); requests that carry their own credentials (basic) cannot be forged and skip it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	private static final String[] STAFF = { "SUPERVISOR", "MANAGER", "ADMIN" };

	@Bean
	SecurityFilterChain security(HttpSecurity http, Users users) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/actuator/health", "/actuator/health/**", "/login", "/error", "/css/**", "/js/**",
					"/favicon.svg")
			.permitAll()
			.requestMatchers("/actuator/**", "/api/users/**").hasRole("ADMIN")
			.requestMatchers(HttpMethod.POST, "/api/recordings").hasAnyRole("SUPERVISOR", "ADMIN")
			.requestMatchers("/api/metrics/**", "/api/dashboard/**", "/api/telephony/**", "/api/alerts/**",
					"/api/sampling/**")
			.hasAnyRole(STAFF)
			.requestMatchers(HttpMethod.POST, "/api/calls/*/evaluations", "/api/evaluations/*/submit",
					"/api/evaluations/*/revisions", "/api/evaluations/*/resolve")
			.hasAnyRole("SUPERVISOR", "ADMIN")
			.requestMatchers(HttpMethod.PUT, "/api/evaluations/*/items").hasAnyRole("SUPERVISOR", "ADMIN")
			.requestMatchers(HttpMethod.POST, "/api/evaluations/*/acknowledge", "/api/evaluations/*/dispute")
			.hasRole("AGENT")
			.requestMatchers(HttpMethod.GET, "/api/standards/**").authenticated()
			.requestMatchers("/api/standards/**", "/api/queues/**").hasAnyRole("SUPERVISOR", "ADMIN")
			.requestMatchers("/manager.html").hasAnyRole(STAFF)
			.requestMatchers("/admin.html").hasRole("ADMIN")
			.anyRequest()
			.authenticated());
		http.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll());
		http.httpBasic(Customizer.withDefaults());
		// A session ends as soon as its user's role, agent, enabled flag or password changes.
		http.addFilterAfter(new StaleSessionFilter(users), SecurityContextHolderFilter.class);
		http.logout((logout) -> logout.logoutSuccessUrl("/login?logout"));
		http.csrf((csrf) -> csrf.spa()
			.ignoringRequestMatchers((request) -> request.getHeader("Authorization") != null));
		// API clients get a 401 to react to, not the login page.
		http.exceptionHandling((errors) -> errors.defaultAuthenticationEntryPointFor(
				new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
				PathPatternRequestMatcher.withDefaults().matcher("/api/**")));
		return http.build();
	}

}
