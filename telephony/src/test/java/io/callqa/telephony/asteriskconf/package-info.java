/**
 * The Asterisk configuration kept in {@code telephony/asterisk/}, read as Asterisk reads it and checked against what
 * the code expects; feature packages check their own part with {@link io.callqa.telephony.asteriskconf.Dialplan}.
 */
@NullMarked
package io.callqa.telephony.asteriskconf;

import org.jspecify.annotations.NullMarked;
