package io.callqa.qaconsole.users;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manages console users (ADMIN only through the API) and loads them for login.
 */
@Service
public class Users implements UserDetailsService {

	private final UserRepository users;

	private final PasswordEncoder passwords;

	Users(UserRepository users, PasswordEncoder passwords) {
		this.users = users;
		this.passwords = passwords;
	}

	@Override
	public CallQaUser loadUserByUsername(String username) {
		return this.users.findForLogin(username).orElseThrow(() -> new UsernameNotFoundException(username));
	}

	@Transactional
	public UserAccount create(NewUser user) {
		UserRules.checkUsername(user.username());
		if (user.role() == null) {
			throw new InvalidUserException("role", "The role must be one of " + Arrays.toString(Role.values()));
		}
		UserRules.checkPassword(user.password(), user.username());
		checkAgent(user.role(), user.agentName(), -1);
		UserRules.checkText("displayName", user.displayName());
		if (this.users.existsNamed(user.username())) {
			throw new InvalidUserException("username", "The username '" + user.username()
					+ "' is taken (usernames are compared regardless of case)");
		}
		try {
			long id = this.users.insert(user.username(), this.passwords.encode(user.password()), user.role(),
					agentName(user.role(), user.agentName()), user.displayName());
			return find(id);
		}
		catch (DuplicateKeyException ex) {
			// Created at the same moment by another request.
			boolean agent = String.valueOf(ex.getMessage()).contains("agent_name");
			throw new InvalidUserException(agent ? "agentName" : "username", agent
					? "A user linked to agent '" + user.agentName() + "' exists already"
					: "The username '" + user.username() + "' is taken");
		}
	}

	/**
	 * Changes a user's role, agent, display name and enabled flag. A change of role, agent or enabled flag ends the
	 * user's sessions; demoting or disabling the last enabled admin is refused.
	 */
	@Transactional
	public UserAccount update(long id, Role role, @Nullable String agentName, @Nullable String displayName,
			boolean enabled) {
		if (role == null) {
			throw new InvalidUserException("role", "The role must be one of " + Arrays.toString(Role.values()));
		}
		checkAgent(role, agentName, id);
		UserRules.checkText("displayName", displayName);
		if (role != Role.ADMIN || !enabled) {
			// Locked before reading the user, so two admins demoting each other at once cannot both succeed.
			List<Long> admins = this.users.lockEnabledAdmins();
			UserAccount user = find(id);
			if (admins.contains(id) && admins.size() == 1) {
				throw new LastAdminException(user.username());
			}
		}
		else {
			find(id);
		}
		this.users.update(id, role, agentName(role, agentName), displayName, enabled);
		return find(id);
	}

	/** Sets a new password, which ends the user's sessions. */
	@Transactional
	public void changePassword(long id, String password) {
		UserAccount user = find(id);
		UserRules.checkPassword(password, user.username());
		this.users.updatePassword(id, this.passwords.encode(password));
	}

	/** Whether the user of a session is still enabled, with the role, agent and password it logged in with. */
	public boolean isCurrent(CallQaUser user) {
		return this.users.isCurrent(user.id(), user.sessionVersion());
	}

	public UserAccount find(long id) {
		return this.users.find(id).orElseThrow(() -> new UserNotFoundException(id));
	}

	public List<UserAccount> list() {
		return this.users.findAll();
	}

	boolean hasAdmin() {
		return this.users.countAdmins() > 0;
	}

	private void checkAgent(Role role, @Nullable String agentName, long id) {
		if (role != Role.AGENT) {
			return;
		}
		if (agentName == null || agentName.isBlank()) {
			throw new InvalidUserException("agentName",
					"An AGENT user needs 'agentName', the queue member name it answers calls as");
		}
		UserRules.checkText("agentName", agentName);
		if (this.users.existsAgent(agentName, id)) {
			throw new InvalidUserException("agentName", "A user linked to agent '" + agentName + "' exists already");
		}
	}

	private static @Nullable String agentName(Role role, @Nullable String agentName) {
		return (role == Role.AGENT) ? agentName : null;
	}

	/**
	 * A user to create.
	 */
	public record NewUser(String username, String password, Role role, @Nullable String agentName,
			@Nullable String displayName) {
	}

}
