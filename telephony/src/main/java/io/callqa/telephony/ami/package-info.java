/**
 * The Asterisk Manager Interface connector: connections to the configured Asterisk servers, their events translated
 * into our own records ({@link io.callqa.telephony.ami.AsteriskEvent}, by {@link io.callqa.telephony.ami.AmiEvents})
 * and handed to {@link io.callqa.telephony.ami.AmiEventHandler}s off the library's dispatch thread, state rebuilt on
 * every (re)connect, and the actions features send ({@link io.callqa.telephony.ami.AmiActions}). Asterisk-Java's
 * types stay in here.
 */
@NullMarked
package io.callqa.telephony.ami;

import org.jspecify.annotations.NullMarked;
