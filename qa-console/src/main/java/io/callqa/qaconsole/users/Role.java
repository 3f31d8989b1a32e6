package io.callqa.qaconsole.users;

/**
 * What a user may do: agents see their own calls and evaluations; supervisors search, listen and score; managers see
 * the dashboards; admins manage users and everything else.
 */
public enum Role {

	AGENT, SUPERVISOR, MANAGER, ADMIN

}
