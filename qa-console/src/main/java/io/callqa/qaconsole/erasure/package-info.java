/**
 * Erasure on request: what the call center holds about a customer number, erased (or anonymised where the statistics
 * need the figures) except the calls under a legal hold, with an audit of who erased what and when, without the
 * number. Admins only.
 */
@NullMarked
package io.callqa.qaconsole.erasure;

import org.jspecify.annotations.NullMarked;
