package io.callqa.qaconsole.promises;

/**
 * What an agent promised: a call, an e-mail, or something else (to send a letter, to arrange a refund...).
 */
public enum PromiseKind {

	CALLBACK, EMAIL, OTHER

}
