package io.callqa.qaconsole.users;

/**
 * What a user may do: agents see their own calls and evaluations; supervisors search, listen and score; managers see
 * the dashboards; admins manage users and everything else. A wallboard user (a TV in the room) sees the live
 * floor's wallboard and nothing else, never a caller's number.
 */
public enum Role {

	AGENT, SUPERVISOR, MANAGER, ADMIN, WALLBOARD

}
