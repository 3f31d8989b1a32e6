package io.callqa.qaconsole.users;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * Manages console users (ADMIN only through the API) and loads them for login.
 */
@Service
public class Users implements UserDetailsService {

	private static final int MIN_PASSWORD = 8;

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
		Assert.hasText(user.username(), "'username' must not be empty");
		Assert.notNull(user.role(), "'role' must not be null");
		checkPassword(user.password());
		checkAgent(user.role(), user.agentName());
		try {
			long id = this.users.insert(user.username().trim(), this.passwords.encode(user.password()), user.role(),
					agentName(user.role(), user.agentName()), user.displayName());
			return find(id);
		}
		catch (DuplicateKeyException ex) {
			throw new IllegalArgumentException("A user named '" + user.username()
					+ "' or linked to agent '" + user.agentName() + "' exists already");
		}
	}

	@Transactional
	public UserAccount update(long id, Role role, @Nullable String agentName, @Nullable String displayName,
			boolean enabled) {
		find(id);
		checkAgent(role, agentName);
		this.users.update(id, role, agentName(role, agentName), displayName, enabled);
		return find(id);
	}

	@Transactional
	public void changePassword(long id, String password) {
		find(id);
		checkPassword(password);
		this.users.updatePassword(id, this.passwords.encode(password));
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

	private static void checkPassword(@Nullable String password) {
		Assert.isTrue(password != null && password.length() >= MIN_PASSWORD,
				"A password needs at least " + MIN_PASSWORD + " characters");
	}

	private static void checkAgent(Role role, @Nullable String agentName) {
		Assert.isTrue(role != Role.AGENT || (agentName != null && !agentName.isBlank()),
				"An AGENT user needs 'agentName', the queue member name it answers calls as");
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
