/**
 * The live floor: queues, their waiting callers and every agent's state, followed from AMI by {@code FloorTracker}
 * (rebuilt from QueueStatus on every (re)connect, added up over all servers), the supervisor's actions on it
 * ({@code FloorActionsService}: QueuePause, QueueAdd, QueueRemove, ChanSpy), and each agent's state history (table
 * {@code agent_state_interval}, written by {@code FloorRepository}).
 */
@NullMarked
package io.callqa.telephony.floor;

import org.jspecify.annotations.NullMarked;
