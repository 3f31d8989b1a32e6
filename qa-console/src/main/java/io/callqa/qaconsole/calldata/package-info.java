/**
 * The rows each console feature keeps per call, deleted (retention) or erased (erasure on request) by the feature that
 * owns them, and the deletion of whole calls across the modules: upper modules first, telephony last.
 */
@NullMarked
package io.callqa.qaconsole.calldata;

import org.jspecify.annotations.NullMarked;
