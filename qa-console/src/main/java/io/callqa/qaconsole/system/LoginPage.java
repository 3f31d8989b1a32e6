package io.callqa.qaconsole.system;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The login form, rendered here because it must carry this session's CSRF token; styles come from the app itself.
 */
@RestController
class LoginPage {

	@GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
	String login(CsrfToken csrf, @RequestParam(required = false) String error,
			@RequestParam(required = false) String logout, @RequestParam(required = false) String throttled) {
		String message = (throttled != null) ? "<p class=\"error\" id=\"login-error\">Too many failed log-ins: try again in "
				+ minutes(throttled) + ".</p>"
				: (error != null) ? "<p class=\"error\" id=\"login-error\">Wrong user name or password.</p>"
				: (logout != null) ? "<p class=\"info\">You are logged out.</p>" : "";
		return """
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8"><title>callqa: log in</title>
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/css/app.css"></head>
				<body class="login"><main class="login-box"><h1>callqa</h1>%s
				<form method="post" action="/login">
				<label>User name <input name="username" id="username" autocomplete="username" required autofocus></label>
				<label>Password <input name="password" id="password" type="password" autocomplete="current-password"
				 required></label>
				<input type="hidden" name="%s" value="%s">
				<button type="submit" id="login-submit">Log in</button></form></main></body></html>
				""".formatted(message, HtmlUtils.htmlEscape(csrf.getParameterName()),
				HtmlUtils.htmlEscape(csrf.getToken()));
	}

	/** The wait, in words; only digits are read from the parameter, so nothing of it reaches the page. */
	private static String minutes(String seconds) {
		long wait;
		try {
			wait = Long.parseLong(seconds);
		}
		catch (NumberFormatException ex) {
			return "a few minutes";
		}
		long minutes = Math.max(1, Math.min(60, (wait + 59) / 60));
		return (minutes == 1) ? "a minute" : minutes + " minutes";
	}

}
