/**
 * Console users and their roles (AGENT, SUPERVISOR, MANAGER, ADMIN), stored in PostgreSQL with bcrypt hashes; an
 * agent user is linked to the Asterisk queue member name it answers calls as.
 */
@NullMarked
package io.callqa.qaconsole.users;

import org.jspecify.annotations.NullMarked;
