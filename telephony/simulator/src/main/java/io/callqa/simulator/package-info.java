/**
 * An Asterisk Manager Interface simulator on loopback: it satisfies Asterisk-Java's real login, answers the actions
 * the connector uses and plays scenarios whose events follow traffic captured from a real Asterisk 22. Used by the
 * tests and by the server's demo mode.
 */
@NullMarked
package io.callqa.simulator;

import org.jspecify.annotations.NullMarked;
