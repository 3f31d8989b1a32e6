package io.callqa.qaconsole.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import io.callqa.qaconsole.users.Users;

/**
 * Who may do what. Everything but health and the login page needs a login: a form for the web console, HTTP basic
 * with the same users for API clients. CSRF is on for cookie sessions (the pages send the token from the
 * {@code XSRF-TOKEN} cookie); requests that basic credentials authenticate cannot be forged and skip it. Wrong
 * passwords are throttled ({@link LoginThrottle}); errors are problem+json; anonymous requests get no session.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	private static final String[] STAFF = { "SUPERVISOR", "MANAGER", "ADMIN" };

	private static final String[] FLOOR_READERS = { "SUPERVISOR", "MANAGER", "ADMIN", "WALLBOARD" };

	/** The pages load scripts and styles from the app only, with no inline code, and are never framed. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; object-src 'none'; "
			+ "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

	@Bean
	SecurityFilterChain security(HttpSecurity http, Users users, LoginThrottle throttle) throws Exception {
		http.authorizeHttpRequests(SecurityConfiguration::whoMayDoWhat);
		logins(http, throttle);
		sessions(http, users);
		http.csrf(SecurityConfiguration::forgeryProtection);
		http.exceptionHandling(SecurityConfiguration::problemResponses);
		http.headers(SecurityConfiguration::pageHeaders);
		return http.build();
	}

	/** The first rule that matches a request decides, so the order of these steps matters. */
	private static void whoMayDoWhat(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		publicPaths(requests);
		administration(requests);
		liveFloor(requests);
		callCenterApi(requests);
		evaluations(requests);
		standardsAndQueues(requests);
		pages(requests);
		requests.anyRequest().authenticated();
	}

	private static void publicPaths(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers("/actuator/health", "/actuator/health/**", "/login", "/error", "/css/**", "/js/**",
				"/favicon.svg")
			.permitAll();
	}

	private static void administration(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers("/actuator/**", "/api/users/**").hasRole("ADMIN");
	}

	/**
	 * The floor is read by staff and wallboards (agents see only their own state, through {@code /api/me}). Actions
	 * reach their controller whoever asks, so that a refused one is audited too: it decides per queue and agent.
	 */
	private static void liveFloor(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers(HttpMethod.GET, "/api/floor/actions").hasAnyRole("SUPERVISOR", "ADMIN")
			.requestMatchers(HttpMethod.GET, "/api/floor", "/api/floor/**", "/wallboard.html")
			.hasAnyRole(FLOOR_READERS)
			.requestMatchers("/api/floor/agents/**", "/api/floor/queues/*/members", "/api/floor/queues/*/members/**",
					"/api/me/pause", "/api/me/unpause")
			.authenticated()
			.requestMatchers("/api/floor/**").hasAnyRole("SUPERVISOR", "ADMIN");
	}

	private static void callCenterApi(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers(HttpMethod.POST, "/api/recordings").hasAnyRole("SUPERVISOR", "ADMIN")
			.requestMatchers("/api/metrics/**", "/api/dashboard/**", "/api/telephony/**", "/api/alerts/**",
					"/api/sampling/**")
			.hasAnyRole(STAFF);
	}

	/** Supervisors score and resolve; the agent scored acknowledges or disputes. */
	private static void evaluations(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests
			.requestMatchers(HttpMethod.POST, "/api/calls/*/evaluations", "/api/evaluations/*/submit",
					"/api/evaluations/*/revisions", "/api/evaluations/*/resolve")
			.hasAnyRole("SUPERVISOR", "ADMIN")
			.requestMatchers(HttpMethod.PUT, "/api/evaluations/*/items").hasAnyRole("SUPERVISOR", "ADMIN")
			.requestMatchers(HttpMethod.POST, "/api/evaluations/*/acknowledge", "/api/evaluations/*/dispute")
			.hasRole("AGENT");
	}

	/** Everyone logged in reads the standards; supervisors change them and the queues. */
	private static void standardsAndQueues(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers(HttpMethod.GET, "/api/standards/**").authenticated()
			.requestMatchers("/api/standards/**", "/api/queues/**").hasAnyRole("SUPERVISOR", "ADMIN");
	}

	private static void pages(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers("/manager.html", "/standards.html").hasAnyRole(STAFF)
			.requestMatchers("/admin.html").hasRole("ADMIN");
	}

	/** A form for the console, HTTP basic for API clients, both throttled after wrong passwords. */
	private static void logins(HttpSecurity http, LoginThrottle throttle) throws Exception {
		http.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(loginFailed())
			.permitAll());
		http.httpBasic((basic) -> basic.authenticationEntryPoint(SecurityConfiguration::notLoggedIn));
		http.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
	}

	private static void sessions(HttpSecurity http, Users users) throws Exception {
		// A session ends as soon as its user's role, agent, enabled flag or password changes.
		http.addFilterAfter(new StaleSessionFilter(users), SecurityContextHolderFilter.class);
		// A wallboard user is refused everything but the wallboard before any other rule or controller.
		http.addFilterBefore(new WallboardOnlyFilter(), AuthorizationFilter.class);
		http.logout((logout) -> logout.logoutSuccessUrl("/login?logout"));
		// The page to return to after logging in is kept in a cookie: anonymous requests create no server session.
		http.requestCache((cache) -> cache.requestCache(pageRequestCache()));
	}

	private static void forgeryProtection(CsrfConfigurer<HttpSecurity> csrf) {
		csrf.spa().csrfTokenRepository(sameSiteCsrfCookie())
			.ignoringRequestMatchers(SecurityConfiguration::basicWithoutSession);
	}

	/** API clients get a problem+json 401 to react to, not the login page; refusals are problem+json too. */
	private static void problemResponses(ExceptionHandlingConfigurer<HttpSecurity> errors) {
		errors.defaultAuthenticationEntryPointFor(SecurityConfiguration::notLoggedIn,
				PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
			.accessDeniedHandler(SecurityConfiguration::refused);
	}

	private static void pageHeaders(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
	}

	/**
	 * CSRF is skipped only for a request with HTTP basic credentials and no logged-in session: basic then either
	 * authenticates it or refuses it with 401. Any other Authorization header, or basic credentials beside a session
	 * cookie (which the basic filter would not check again), still need the token.
	 */
	private static boolean basicWithoutSession(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return false;
		}
		HttpSession session = request.getSession(false);
		return session == null
				|| session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) == null;
	}

	private static CookieCsrfTokenRepository sameSiteCsrfCookie() {
		CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
		repository.setCookieCustomizer((cookie) -> cookie.sameSite("Lax"));
		return repository;
	}

	/** Only pages are worth returning to; API calls, assets and errors are not saved. */
	private static RequestCache pageRequestCache() {
		CookieRequestCache cache = new CookieRequestCache();
		cache.setRequestMatcher(pagesWorthReturningTo());
		cache.setCookieCustomizer((cookie) -> cookie.setAttribute("SameSite", "Lax"));
		return cache;
	}

	private static RequestMatcher pagesWorthReturningTo() {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		return new AndRequestMatcher(paths.matcher(HttpMethod.GET, "/**"),
				new NegatedRequestMatcher(new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/actuator/**"),
						paths.matcher("/css/**"), paths.matcher("/js/**"), paths.matcher("/favicon.svg"),
						paths.matcher("/error"), paths.matcher("/login"))));
	}

	/** A wrong password shows the form again, without creating a session to hold the error. */
	private static AuthenticationFailureHandler loginFailed() {
		SimpleUrlAuthenticationFailureHandler failed = new SimpleUrlAuthenticationFailureHandler("/login?error");
		failed.setAllowSessionCreation(false);
		return failed;
	}

	private static void notLoggedIn(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException ex) throws IOException {
		ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "Unauthorized",
				"Log in first: HTTP basic credentials or the console's session", request.getRequestURI());
	}

	private static void refused(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		String detail = (ex instanceof CsrfException)
				? "Missing or invalid CSRF token: send the XSRF-TOKEN cookie's value as the X-XSRF-TOKEN header"
				: "Your role may not do this";
		ProblemResponses.write(response, HttpStatus.FORBIDDEN, "Forbidden", detail, request.getRequestURI());
	}

}
