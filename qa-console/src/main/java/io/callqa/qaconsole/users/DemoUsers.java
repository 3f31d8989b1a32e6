package io.callqa.qaconsole.users;

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
		create("supervisor", Role.SUPERVISOR, null, "Sam Supervisor");
		create("manager", Role.MANAGER, null, "Mia Manager");
		create("agent1", Role.AGENT, "agent1", "Alex Agent");
		create("agent2", Role.AGENT, "agent2", "Bea Agent");
		logger.info("Demo users: supervisor, manager, agent1, agent2 (password '{}')", PASSWORD);
	}

	private void create(String username, Role role, String agent, String name) {
		boolean exists = this.users.list().stream().anyMatch((user) -> user.username().equals(username));
		if (!exists) {
			this.users.create(new Users.NewUser(username, PASSWORD, role, agent, name));
		}
	}

}
