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
 * else with a random password printed once to the log.
 */
@Component
class FirstAdmin implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(FirstAdmin.class);

	private final Users users;

	private final @Nullable String configured;

	FirstAdmin(Users users, @Value("${callqa.security.admin-password:}") @Nullable String configured) {
		this.users = users;
		this.configured = configured;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.users.hasAdmin()) {
			return;
		}
		boolean generated = this.configured == null || this.configured.isBlank();
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
