package io.callqa.qaconsole.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import io.callqa.qaconsole.users.CallQaUser;
import io.callqa.qaconsole.users.Users;

/**
 * Logs out a session whose user changed since it logged in (role, agent, enabled flag or password: a new session
 * version in {@code app_user}), on every server sharing the database. Runs right after the session's login is
 * loaded: the request goes on as anonymous (401, or the login page), or, with HTTP basic credentials, is
 * authenticated afresh. Not a bean: a filter bean would also be registered with the servlet container.
 */
final class StaleSessionFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(StaleSessionFilter.class);

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final Users users;

	StaleSessionFilter(Users users) {
		this.users = users;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication login = this.contexts.getContext().getAuthentication();
		if (login != null && login.getPrincipal() instanceof CallQaUser user && !this.users.isCurrent(user)) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			this.contexts.clearContext();
			logger.info("Session of '{}' ended: the user was changed, disabled or deleted since logging in",
					user.getUsername());
		}
		chain.doFilter(request, response);
	}

}
