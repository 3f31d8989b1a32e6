/**
 * The QA console: the REST API and web console supervisors, agents and managers use.
 */
@NullMarked
package io.callqa.qaconsole;

import org.jspecify.annotations.NullMarked;
