package io.callqa.telephony.agi;

/**
 * A FastAGI script: every bean of this type is served under its bean name ({@code agi://host:4573/name}). The
 * server shares one instance between calls on its own threads, so a script keeps no per-call state in fields.
 */
public interface FastAgiScript {

	/**
	 * Runs the script for one call; an exception it throws is logged by the server, and the call goes on in the
	 * dialplan.
	 */
	void run(AgiCall call) throws AgiCallException;

}
