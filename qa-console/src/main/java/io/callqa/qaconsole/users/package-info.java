/**
 * Console users and their roles (AGENT, SUPERVISOR, MANAGER, ADMIN, WALLBOARD), stored in PostgreSQL with bcrypt
 * hashes; an agent user is linked to the Asterisk queue member name it answers calls as; a supervisor has a phone to
 * listen in on and the queues they act on.
 */
@NullMarked
package io.callqa.qaconsole.users;

import org.jspecify.annotations.NullMarked;
