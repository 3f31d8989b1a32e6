package io.callqa.qaconsole.users;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: one user per role, the agents linked to the simulated queue members, so a newcomer can log in as
 * each of them (passwords in the README).
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("callqa.demo.enabled")
class DemoUsers implements ApplicationRunner {

	static final String PASSWORD = "demo-password";

	private static final Logger logger = LoggerFactory.getLogger(DemoUsers.class);

	private final Users users;

	DemoUsers(Users users) {
		this.users = users;
	}

	@Override
	public void run(ApplicationArguments args) {
		// The supervisor acts on every queue and listens in on phone 2001 (telephony/asterisk/pjsip.conf).
		create(new Users.NewUser("supervisor", PASSWORD, Role.SUPERVISOR, null, "Sam Supervisor", "PJSIP/2001",
				List.of("*")));
		create(new Users.NewUser("manager", PASSWORD, Role.MANAGER, null, "Mia Manager"));
		create(new Users.NewUser("agent1", PASSWORD, Role.AGENT, "agent1", "Alex Agent"));
		create(new Users.NewUser("agent2", PASSWORD, Role.AGENT, "agent2", "Bea Agent"));
		create(new Users.NewUser("wallboard", PASSWORD, Role.WALLBOARD, null, "Floor TV"));
		logger.info("Demo users: supervisor, manager, agent1, agent2, wallboard (password '{}')", PASSWORD);
	}

	private void create(Users.NewUser user) {
		boolean exists = this.users.list().stream().anyMatch((known) -> known.username().equals(user.username()));
		if (!exists) {
			this.users.create(user);
		}
	}

}
