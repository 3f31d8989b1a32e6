package io.callqa.qaconsole.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses log-in attempts (a login form post, HTTP basic credentials) while {@link LoginThrottle} says to wait: the
 * form goes back to the login page with a message, API clients get 429 with {@code Retry-After}. Requests without
 * credentials are not attempts and pass.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	private final LoginThrottle throttle;

	LoginThrottleFilter(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean form = "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
		String username = form ? request.getParameter("username") : basicUser(request);
		Optional<Duration> wait = (username != null) ? this.throttle.waitBefore(username, request.getRemoteAddr())
				: Optional.empty();
		if (wait.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		if (form) {
			response.sendRedirect(request.getContextPath() + "/login?throttled=" + seconds);
			return;
		}
		ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed log-ins",
				"Too many wrong passwords for this user or from this address: try again in " + seconds + " s",
				request.getRequestURI());
	}

	/** The user name of HTTP basic credentials, or null when there are none (or they cannot be read). */
	private static @Nullable String basicUser(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return (colon < 0) ? null : decoded.substring(0, colon);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
