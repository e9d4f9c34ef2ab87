/**
 * The transport race (R11, R12, R15): candidates started in preference order with short staggered
 * starts, a STUN exchange on each, a grace window for a more preferred late answer, losers closed.
 */
package com.roomagent.transport.race;
