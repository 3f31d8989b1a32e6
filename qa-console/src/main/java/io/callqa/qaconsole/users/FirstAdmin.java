package io.callqa.qaconsole.users;

import java.security.SecureRandom;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On first start (no admin yet) creates the user {@code admin}: with {@code callqa.security.admin-password} if set,
 * else with a random password printed once to the log. A configured password that the user rules refuse (too short,
 * common, ...) stops the start, whether or not it is still needed: it may well be the admin's password.
 */
@Component
class FirstAdmin implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(FirstAdmin.class);

	private final Users users;

	private final @Nullable String configured;

	FirstAdmin(Users users, @Value("${callqa.security.admin-password:}") @Nullable String configured) {
		this.users = users;
		this.configured = configured;
		if (configured != null && !configured.isEmpty()) {
			try {
				UserRules.checkPassword(configured, "admin");
			}
			catch (InvalidUserException ex) {
				throw new IllegalStateException("callqa.security.admin-password is refused: " + ex.getMessage()
						+ ". Set another one, or leave it empty for a random one printed once.");
			}
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.users.hasAdmin()) {
			return;
		}
		if (this.users.list().stream().anyMatch((user) -> user.username().equalsIgnoreCase("admin"))) {
			// Only possible by editing the database (the API keeps an enabled admin): keep recording calls.
			logger.error("No enabled admin, and the user 'admin' exists but is disabled or not an admin: nobody can "
					+ "manage users until one is restored (update app_user set role = 'ADMIN', enabled = true "
					+ "where username = 'admin')");
			return;
		}
		boolean generated = this.configured == null || this.configured.isEmpty();
		String password = generated ? random() : this.configured;
		this.users.create(new Users.NewUser("admin", password, Role.ADMIN, null, "Administrator"));
		if (generated) {
			logger.warn("First start: created user 'admin' with password {} (shown once; change it in the console)",
					password);
		}
		else {
			logger.info("First start: created user 'admin' with the configured callqa.security.admin-password");
		}
	}

	private static String random() {
		byte[] bytes = new byte[12];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
