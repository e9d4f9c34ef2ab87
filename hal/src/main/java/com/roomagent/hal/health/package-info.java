/** Feature health: each feature works, is absent, or is degraded on its own, with the reason. */
package com.roomagent.hal.health;
