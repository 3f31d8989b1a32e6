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
		String phone = phone(user.role(), user.phone());
		List<String> queues = queues(user.role(), user.queues());
		if (this.users.existsNamed(user.username())) {
			throw new InvalidUserException("username", "The username '" + user.username()
					+ "' is taken (usernames are compared regardless of case)");
		}
		try {
			long id = this.users.insert(user.username(), this.passwords.encode(user.password()), user.role(),
					agentName(user.role(), user.agentName()), user.displayName(), phone);
			this.users.updateFloor(id, phone, queues);
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
	 * user's sessions; demoting or disabling the last enabled admin is refused. The phone and queues stay as they are.
	 */
	@Transactional
	public UserAccount update(long id, Role role, @Nullable String agentName, @Nullable String displayName,
			boolean enabled) {
		return update(id, role, agentName, displayName, enabled, null, null);
	}

	/**
	 * As above, and the phone and queues: null keeps them as they are (an empty phone or list clears them). Only a
	 * SUPERVISOR or ADMIN keeps a phone, only a SUPERVISOR queues. They take effect on the user's next action without a
	 * new session: actions read them afresh.
	 */
	@Transactional
	public UserAccount update(long id, Role role, @Nullable String agentName, @Nullable String displayName,
			boolean enabled, @Nullable String phone, @Nullable List<String> queues) {
		if (role == null) {
			throw new InvalidUserException("role", "The role must be one of " + Arrays.toString(Role.values()));
		}
		checkAgent(role, agentName, id);
		UserRules.checkText("displayName", displayName);
		UserAccount before = find(id);
		String newPhone = phone(role, (phone != null) ? phone : before.phone());
		List<String> newQueues = queues(role, (queues != null) ? queues : before.queues());
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
		this.users.updateFloor(id, newPhone, newQueues);
		return find(id);
	}

	/** The user's phone and queues as they are now (not as they were at login). */
	public FloorRights floorRights(CallQaUser user) {
		UserAccount account = find(user.id());
		return new FloorRights(user.getUsername(), user.role(), user.agentScope(), account.phone(), account.queues());
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

	/** Only those who may listen in have a phone; an empty one is none. */
	private static @Nullable String phone(Role role, @Nullable String phone) {
		if ((role != Role.SUPERVISOR && role != Role.ADMIN) || phone == null || phone.isBlank()) {
			return null;
		}
		UserRules.checkPhone(phone);
		return phone;
	}

	/** Only supervisors are limited to queues (admins act on every queue, other roles on none). */
	private static List<String> queues(Role role, @Nullable List<String> queues) {
		if (role != Role.SUPERVISOR || queues == null) {
			return List.of();
		}
		return UserRules.checkQueues(queues);
	}

	/**
	 * A user to create.
	 *
	 * @param phone a SUPERVISOR's or ADMIN's device for listening in, e.g. {@code PJSIP/2001}
	 * @param queues the queues a SUPERVISOR acts on ({@code *}: every queue)
	 */
	public record NewUser(String username, String password, Role role, @Nullable String agentName,
			@Nullable String displayName, @Nullable String phone, @Nullable List<String> queues) {

		public NewUser(String username, String password, Role role, @Nullable String agentName,
				@Nullable String displayName) {
			this(username, password, role, agentName, displayName, null, null);
		}

	}

}
