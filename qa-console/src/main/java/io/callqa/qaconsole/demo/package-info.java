/**
 * Demo mode: the AMI simulator stands in for Asterisk on loopback and plays a stream of realistic queue calls, with
 * recordings, so a newcomer sees calls arrive, get recorded, transcribed and searchable without any Asterisk.
 */
@NullMarked
package io.callqa.qaconsole.demo;

import org.jspecify.annotations.NullMarked;
