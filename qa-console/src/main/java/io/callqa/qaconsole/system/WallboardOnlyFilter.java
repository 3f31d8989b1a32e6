package io.callqa.qaconsole.system;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import io.callqa.qaconsole.users.CallQaUser;
import io.callqa.qaconsole.users.Role;

/**
 * A WALLBOARD user (a TV in the room, its password on a sticky note) reads the wallboard and nothing else: every
 * other request is a 403 here, before any controller, so no endpoint's "not an agent, so staff" assumption can leak
 * calls, recordings or caller numbers to it. Not a bean: a filter bean would also be registered with the container.
 */
final class WallboardOnlyFilter extends OncePerRequestFilter {

	private static final RequestMatcher ALLOWED = allowed();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication login = SecurityContextHolder.getContext().getAuthentication();
		if (login != null && login.getPrincipal() instanceof CallQaUser user && user.role() == Role.WALLBOARD
				&& !ALLOWED.matches(request)) {
			ProblemResponses.write(response, HttpStatus.FORBIDDEN, "Forbidden",
					"A wallboard user sees the wallboard only", request.getRequestURI());
			return;
		}
		chain.doFilter(request, response);
	}

	private static RequestMatcher allowed() {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		List<RequestMatcher> reads = List.of("/api/floor", "/api/floor/stream", "/api/me", "/wallboard.html", "/",
				"/index.html", "/js/**", "/css/**", "/favicon.svg", "/login", "/error")
			.stream()
			.<RequestMatcher>mapMulti((path, add) -> {
				add.accept(paths.matcher(HttpMethod.GET, path));
				add.accept(paths.matcher(HttpMethod.HEAD, path));
			})
			.toList();
		return new OrRequestMatcher(new OrRequestMatcher(reads), paths.matcher("/logout"));
	}

}
